namespace Triggers.Core.Analysis.Embedded.Lexicon;

/// <summary>
/// Builds the one trie the scorer reads: VADER first (social English: slang, acronyms, emoticons), then AFINN, whose
/// values the scorer's weights were set with, then the hand-written lists (Lexicon/Data), each overriding those before.
/// </summary>
public static class HandLexicon
{
    public static IEnumerable<LexiconEntry> Entries() =>
        Parse("chinese-positive", TermKind.Sentiment)
            .Concat(Parse("chinese-negative", TermKind.Sentiment))
            .Concat(Parse("english", TermKind.Sentiment))
            .Concat(Parse("slang-and-emoji", TermKind.Sentiment))
            .Concat(Parse("social-words", TermKind.Sentiment))
            .Concat(Parse("platform-emoticons", TermKind.Sentiment))
            .Concat(Parse("food-and-delivery", TermKind.Sentiment))
            .Concat(Parse("post-modifiers", TermKind.PostModifier))
            .Concat(Parse("neutrals", TermKind.Neutral))
            .Concat(Parse("contrasts", TermKind.Contrast))
            .Concat(Parse("intensifiers", TermKind.Modifier))
            .Concat(Parse("negators", TermKind.Negator))
            .Concat(Parse("irony-markers", TermKind.Irony));

    public static LexiconTrie Build(IEnumerable<LexiconEntry> afinn) => new(Vader().Concat(afinn).Concat(Entries()));

    /// <summary>The VADER lexicon (Lexicon/Data/vader.txt), under AFINN and the hand-written lists.</summary>
    public static IEnumerable<LexiconEntry> Vader() => Parse("vader", TermKind.Sentiment);

    private static IEnumerable<LexiconEntry> Parse(string list, TermKind kind) => LexiconEntry.Parse(LexiconData.Lines(list), kind);
}
