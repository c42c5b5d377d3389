namespace Triggers.Core.Topics;

/// <summary>One keyword occurrence found in a text, with the clause it sits in.</summary>
/// <param name="Topic">The topic the keyword belongs to.</param>
/// <param name="Keyword">The keyword as the topic defines it (not as the text spells it).</param>
/// <param name="ClauseStart">The clause's start in the text, in UTF-16 code units.</param>
/// <param name="ClauseLength">The clause's length.</param>
/// <param name="NegativeOnly">Copied from the topic: count it only when the clause is negative.</param>
public sealed record TopicHit(string Topic, string Keyword, int ClauseStart, int ClauseLength, bool NegativeOnly);
