namespace Triggers.Core.Analysis.Embedded;

/// <summary>
/// The learned model's features: Chinese character unigrams and bigrams, each an exact 32-bit key
/// (no hashing, so no collisions): a unigram is (c, 0), a bigram (c1, c2) with both Chinese.
/// </summary>
public static class CharFeatures
{
    public static bool IsChinese(char c) => c is >= '\u4E00' and <= '\u9FFF';

    public static uint Unigram(char c) => (uint)c << 16;

    public static uint Bigram(char first, char second) => ((uint)first << 16) | second;

    /// <summary>
    /// Adds the distinct features of normalised text to <paramref name="into"/>. Social markup (emoticon codes,
    /// hashtags, mentions) is skipped, as <see cref="ClauseScorer"/> skips it: [哈哈] is read by the emoticon list.
    /// </summary>
    public static void Collect(ReadOnlySpan<char> normalized, HashSet<uint> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        var previous = '\0';
        var markupEnd = 0;
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            SocialMarkup.Enter(normalized, i, ref markupEnd);
            if (i < markupEnd || !IsChinese(c))
            {
                previous = '\0';
                continue;
            }

            into.Add(Unigram(c));
            if (previous != '\0')
            {
                into.Add(Bigram(previous, c));
            }

            previous = c;
        }
    }
}
