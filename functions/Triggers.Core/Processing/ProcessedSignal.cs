using Triggers.Core.Analysis;
using Triggers.Core.Signals;

namespace Triggers.Core.Processing;

/// <summary>A signal after analysis, as listed by the admin API.</summary>
public sealed record ProcessedSignal(Signal Signal, TextAnalysis Analysis, DateTimeOffset ProcessedAt);
