namespace Triggers.Core.Analysis.Embedded;

/// <summary>
/// The learned model's English features, beside <see cref="CharFeatures"/>: each word, marked when a negator
/// (not, no, never, without, …n't) came before it in its clause, and each pair of neighbouring words. Keys are
/// hashed into the high halves below the CJK block, where no character feature lives; a clash is rare and costs
/// one feature a little accuracy, never an error.
/// </summary>
public static class EnglishFeatures
{
    private const uint First = 0x0003_0000;
    private const uint Room = 0x4E00_0000 - First;
    private const uint NegatedSalt = 0x9E37_79B9;
    private const uint PairSalt = 0x7F4A_7C15;

    /// <summary>Where a text's English words stand: the word before (0 after a break) and whether a negator is pending.</summary>
    public struct State
    {
        internal uint Previous;
        internal bool Negated;
    }

    public static bool IsLetter(char c) => c is >= 'a' and <= 'z';

    /// <summary>
    /// Whether English features are learned from and read in a text: only when it has no Chinese character, decided
    /// once for the whole text (a topic's clause, scored alone, decides for itself). English inside Chinese text is
    /// mostly product and brand names (win7, gta4), which the English reviews the features learn from would misread;
    /// mixed slang (这个design绝了) is left to the lexicons.
    /// </summary>
    public static bool Applies(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (CharFeatures.IsChinese(c))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsKey(uint key) => key >= First && key < First + Room;

    /// <summary>
    /// Reads position <paramref name="i"/> of normalised text. When a word starts there, returns its length and its
    /// two features (the word, and the pair with the word before or 0); otherwise returns 0 and lets punctuation end
    /// the clause and any other non-space character break the pair. Trainer and scorer both walk text through here.
    /// </summary>
    public static int Step(ReadOnlySpan<char> s, int i, ref State state, out uint word, out uint pair)
    {
        word = pair = 0;
        var c = s[i];
        if (!IsLetter(c))
        {
            if (c is ',' or '.' or ';' or ':' or '!' or '?' or '…' or '，' or '。' or '；' or '：' or '、')
            {
                state = default;
            }
            else if (c != ' ' && c != '\'')
            {
                state.Previous = 0;
            }

            return 0;
        }

        if (i > 0 && (IsLetter(s[i - 1]) || (s[i - 1] == '\'' && i > 1 && IsLetter(s[i - 2]))))
        {
            return 0;
        }

        var end = i + 1;
        while (end < s.Length && (IsLetter(s[end]) || (s[end] == '\'' && end + 1 < s.Length && IsLetter(s[end + 1]))))
        {
            end++;
        }

        var token = s[i..end];
        var hash = Hash(token);
        word = Key(state.Negated ? hash ^ NegatedSalt : hash);
        pair = state.Previous == 0 ? 0 : Key((state.Previous * 31) + hash + PairSalt);
        state.Previous = hash;
        state.Negated |= IsNegator(token);
        return end - i;
    }

    /// <summary>Social markup ends any pair, as other non-words do.</summary>
    public static void Break(ref State state) => state.Previous = 0;

    /// <summary>Adds the English features of normalised text (outside social markup) to <paramref name="into"/>.</summary>
    public static void Collect(ReadOnlySpan<char> normalized, HashSet<uint> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        var state = default(State);
        var markupEnd = 0;
        for (var i = 0; i < normalized.Length; i++)
        {
            SocialMarkup.Enter(normalized, i, ref markupEnd);
            if (i < markupEnd)
            {
                Break(ref state);
                continue;
            }

            if (Step(normalized, i, ref state, out var word, out var pair) > 0)
            {
                into.Add(word);
                if (pair != 0)
                {
                    into.Add(pair);
                }
            }
        }
    }

    private static bool IsNegator(ReadOnlySpan<char> token) =>
        token is "not" or "no" or "never" or "without" or "nor" or "cannot" or "nothing" or "nobody" || token.EndsWith("n't");

    // FNV-1a, then a final mix so the modulo below sees well-spread bits.
    private static uint Hash(ReadOnlySpan<char> token)
    {
        var h = 2166136261u;
        foreach (var c in token)
        {
            h = (h ^ c) * 16777619u;
        }

        return h == 0 ? 1 : h;
    }

    private static uint Key(uint hash)
    {
        hash ^= hash >> 16;
        hash *= 0x85EB_CA6B;
        hash ^= hash >> 13;
        return First + (hash % Room);
    }
}
