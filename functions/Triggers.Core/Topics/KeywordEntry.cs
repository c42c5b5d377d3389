namespace Triggers.Core.Topics;

/// <summary>A folded keyword and every topic that lists it (one keyword may serve several topics).</summary>
internal sealed record KeywordEntry(string Folded, KeywordTopic[] Topics);

/// <summary>A topic that lists a keyword, with the keyword as that topic spells it.</summary>
internal sealed record KeywordTopic(string Topic, string Keyword, bool NegativeOnly);
