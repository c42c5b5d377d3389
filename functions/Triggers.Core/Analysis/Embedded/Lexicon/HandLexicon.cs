namespace Triggers.Core.Analysis.Embedded.Lexicon;

/// <summary>Builds the one trie the scorer reads: AFINN first, then the hand-written lists (Lexicon/Data), which override it.</summary>
public static class HandLexicon
{
    public static IEnumerable<LexiconEntry> Entries() =>
        Parse("chinese-positive", TermKind.Sentiment)
            .Concat(Parse("chinese-negative", TermKind.Sentiment))
            .Concat(Parse("english", TermKind.Sentiment))
            .Concat(Parse("slang-and-emoji", TermKind.Sentiment))
            .Concat(Parse("social-words", TermKind.Sentiment))
            .Concat(Parse("post-modifiers", TermKind.PostModifier))
            .Concat(Parse("neutrals", TermKind.Neutral))
            .Concat(Parse("contrasts", TermKind.Contrast))
            .Concat(Parse("intensifiers", TermKind.Modifier))
            .Concat(Parse("negators", TermKind.Negator));

    public static LexiconTrie Build(IEnumerable<LexiconEntry> afinn) => new(afinn.Concat(Entries()));

    private static IEnumerable<LexiconEntry> Parse(string list, TermKind kind) => LexiconEntry.Parse(LexiconData.Lines(list), kind);
}
