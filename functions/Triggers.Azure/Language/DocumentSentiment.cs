using Triggers.Core.Analysis;

namespace Triggers.Azure.Language;

/// <summary>The outcome for one <see cref="LanguageDocument"/>: an analysis, or the service's error for it.</summary>
public sealed record DocumentSentiment(string Id, TextAnalysis? Analysis, LanguageDocumentError? Error)
{
    public bool Succeeded => Analysis is not null;
}
