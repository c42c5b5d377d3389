namespace Triggers.Core.Analysis;

/// <summary>A topic found in a text, with the sentiment of the clause it sits in.</summary>
/// <param name="Topic">Topic name, e.g. range_anxiety.</param>
/// <param name="Keyword">The keyword or phrase that matched.</param>
/// <param name="Clause">The clause the keyword sits in.</param>
/// <param name="Label">The clause's label: positive, neutral or negative.</param>
public sealed record TopicMention(string Topic, string Keyword, string Clause, string Label, SentimentScores Scores);
