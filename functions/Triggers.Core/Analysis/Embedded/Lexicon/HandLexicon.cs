namespace Triggers.Core.Analysis.Embedded.Lexicon;

/// <summary>Builds the one trie the scorer reads: AFINN first, then the hand-written lists, which override it.</summary>
public static class HandLexicon
{
    public static IEnumerable<LexiconEntry> Entries()
    {
        return LexiconEntry.Parse(ChinesePositiveWords.Lines, TermKind.Sentiment)
            .Concat(LexiconEntry.Parse(ChineseNegativeWords.Lines, TermKind.Sentiment))
            .Concat(LexiconEntry.Parse(EnglishWords.Lines, TermKind.Sentiment))
            .Concat(LexiconEntry.Parse(SlangAndEmoji.Lines, TermKind.Sentiment))
            .Concat(LexiconEntry.Parse(SocialWords.Lines, TermKind.Sentiment))
            .Concat(LexiconEntry.Parse(SocialWords.PostModifiers, TermKind.PostModifier))
            .Concat(LexiconEntry.Parse(Modifiers.Neutrals, TermKind.Neutral))
            .Concat(LexiconEntry.Parse(Modifiers.Contrasts, TermKind.Contrast))
            .Concat(LexiconEntry.Parse(Modifiers.Intensifiers, TermKind.Modifier))
            .Concat(LexiconEntry.Parse(Modifiers.Negators, TermKind.Negator));
    }

    public static LexiconTrie Build(IEnumerable<LexiconEntry> afinn) => new(afinn.Concat(Entries()));
}
