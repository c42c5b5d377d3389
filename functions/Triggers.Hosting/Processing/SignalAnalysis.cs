using Triggers.Hosting.Topics;
using Triggers.Core.Analysis;
using Triggers.Core.Analysis.Embedded;
using Triggers.Core.Signals;
using Triggers.Core.Topics;

namespace Triggers.Hosting.Processing;

/// <summary>
/// What a signal says: its sentiment (from the configured analyser) and its topics, each with the sentiment of
/// the clause it sits in. Clauses are always scored by the embedded analyser: local, fast, and the same whichever
/// provider scores the whole text.
/// </summary>
public sealed class SignalAnalysis(ITextAnalyzer analyzer, EmbeddedSentimentAnalyzer clauses, TopicCache topics) : ISignalAnalyzer
{
    public async Task<TextAnalysis> AnalyzeAsync(Signal signal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (string.IsNullOrWhiteSpace(signal.Text))
        {
            return TextAnalysis.Neutral("none");
        }

        var analysis = await analyzer.AnalyzeAsync(signal.Text, null, cancellationToken);
        var lexicon = await topics.ForAsync(signal.Tenant, cancellationToken);
        var hits = lexicon.Find(signal.Text);
        if (hits.Count == 0)
        {
            return analysis;
        }

        var mentions = TopicAttribution.Attribute(signal.Text, hits, clause => clauses.ScoreClause(clause));
        return analysis with
        {
            Topics = [.. mentions.Select(m => m.Topic).Distinct(StringComparer.Ordinal)],
            Mentions = mentions,
        };
    }
}
