using Triggers.Core.Analysis;

namespace Triggers.Core.Topics;

/// <summary>
/// Gives each topic found the sentiment of the clause it sits in, not of the whole text: in
/// "续航太差了但是颜值很高" range_anxiety is negative and design positive.
/// </summary>
public static class TopicAttribution
{
    /// <summary>
    /// One mention per topic, in order of first appearance. When a topic occurs in several clauses the most
    /// opinionated one wins (highest positive or negative score; the earlier on a tie). A NegativeOnly topic
    /// counts only in negative clauses. Each clause is scored once, however many keywords it holds.
    /// </summary>
    public static IReadOnlyList<TopicMention> Attribute(string text, IReadOnlyList<TopicHit> hits, Func<string, SentimentScores> clauseScorer)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentNullException.ThrowIfNull(clauseScorer);
        if (hits.Count == 0)
        {
            return [];
        }

        var scored = new List<ScoredClause>();
        var best = new List<(TopicHit Hit, ScoredClause Clause)>();
        foreach (var hit in hits)
        {
            var clause = Score(text, hit, scored, clauseScorer);
            if (hit.NegativeOnly && clause.Label != "negative")
            {
                continue;
            }

            var index = best.FindIndex(b => b.Hit.Topic == hit.Topic);
            if (index < 0)
            {
                best.Add((hit, clause));
            }
            else if (Strength(hit, clause.Scores) > Strength(best[index].Hit, best[index].Clause.Scores))
            {
                best[index] = (hit, clause);
            }
        }

        return best.ConvertAll(b => new TopicMention(b.Hit.Topic, b.Hit.Keyword, b.Clause.Text, b.Clause.Label, b.Clause.Scores));
    }

    /// <summary>The largest of the three scores; a tie at the top reads as neutral.</summary>
    public static string LabelOf(SentimentScores scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Positive > scores.Negative && scores.Positive > scores.Neutral)
        {
            return "positive";
        }

        return scores.Negative > scores.Positive && scores.Negative > scores.Neutral ? "negative" : "neutral";
    }

    private static double Strength(TopicHit hit, SentimentScores scores) =>
        hit.NegativeOnly ? scores.Negative : Math.Max(scores.Positive, scores.Negative);

    private static ScoredClause Score(string text, TopicHit hit, List<ScoredClause> scored, Func<string, SentimentScores> scorer)
    {
        foreach (var clause in scored)
        {
            if (clause.Start == hit.ClauseStart && clause.Text.Length == hit.ClauseLength)
            {
                return clause;
            }
        }

        var textOfClause = text.Substring(hit.ClauseStart, hit.ClauseLength);
        var scores = scorer(textOfClause);
        var result = new ScoredClause(hit.ClauseStart, textOfClause, scores, LabelOf(scores));
        scored.Add(result);
        return result;
    }

    private sealed record ScoredClause(int Start, string Text, SentimentScores Scores, string Label);
}
