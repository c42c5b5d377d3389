using Triggers.Core.Analysis;

namespace Triggers.Azure.Language;

/// <summary>The sentiment port on Azure AI Language: one text, one document (split if long).</summary>
public sealed class AzureLanguageAnalyzer(LanguageClient client) : ITextAnalyzer
{
    /// <exception cref="LanguageRequestFailedException">The service refused the request or stayed unavailable.</exception>
    /// <exception cref="LanguageDocumentException">The service refused the document (e.g. an unsupported language).</exception>
    public async ValueTask<TextAnalysis> AnalyzeAsync(string text, string? language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(client);
        var result = (await client.AnalyzeSentimentAsync([new LanguageDocument("1", text, language)], cancellationToken))[0];
        return result.Analysis ?? throw new LanguageDocumentException(result.Error!);
    }
}
