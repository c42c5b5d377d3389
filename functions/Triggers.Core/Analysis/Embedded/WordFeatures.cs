using Triggers.Core.Analysis.Embedded.Segmentation;

namespace Triggers.Core.Analysis.Embedded;

/// <summary>
/// The model's word features, beside <see cref="CharFeatures"/>: a word of three or more characters on the
/// segmenter's path is one feature (two-character words are already bigrams), and any word right after a negator
/// (不满意, 不太好用) is another, so the model learns what negation does to that word. Keys are exact: the high
/// half is below the CJK block, where no character feature lives.
/// </summary>
public static class WordFeatures
{
    private const uint WordTag = 0x0001_0000;
    private const uint NegatedTag = 0x0002_0000;

    public static uint Word(int id) => WordTag | (uint)id;

    public static uint Negated(int id) => NegatedTag | (uint)id;

    /// <summary>Whether a model key is a word feature (a model without any needs no segmenting).</summary>
    public static bool IsWordKey(uint key) => (key >> 16) is 1 or 2;

    /// <summary>Whether the word starting at <paramref name="start"/> follows a negator: 不, 没, 未, 别, 无, 没有 or 不 with 太/很/够/是 between.</summary>
    public static bool FollowsNegator(ReadOnlySpan<char> s, int start)
    {
        var p = start;
        if (p > 1 && s[p - 1] is '太' or '很' or '够' or '是' or '那' && s[p - 2] is '不' or '没' or '并')
        {
            return true;
        }

        return p > 0 && (s[p - 1] is '不' or '没' or '未' or '别' or '无' || (p > 1 && s[p - 2] == '没' && s[p - 1] == '有'));
    }

    /// <summary>
    /// The features of the word <paramref name="id"/> ending (exclusive) at <paramref name="end"/>: the word itself
    /// when it has three or more characters, the negated word when a negator comes right before it; 0 for none.
    /// </summary>
    public static void Of(ReadOnlySpan<char> s, int end, int id, WordSegmenter segmenter, out uint word, out uint negated)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        var length = segmenter.LengthOf(id);
        word = length >= 3 ? Word(id) : 0;
        negated = FollowsNegator(s, end - length) ? Negated(id) : 0;
    }

    /// <summary>
    /// Adds the word features of normalised text to <paramref name="into"/>: the words on the segmenter's path that
    /// end outside social markup, as <see cref="ClauseScorer"/> reads them.
    /// </summary>
    public static void Collect(ReadOnlySpan<char> normalized, WordSegmenter segmenter, HashSet<uint> into)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        ArgumentNullException.ThrowIfNull(into);
        var ends = new int[normalized.Length];
        var ids = new int[normalized.Length];
        var found = segmenter.Words(normalized, ends, ids);
        var markupEnd = 0;
        var k = 0;
        for (var i = 0; i < normalized.Length && k < found; i++)
        {
            if (i >= markupEnd && normalized[i] is '[' or '#' or '@')
            {
                markupEnd = i + SocialMarkup.Length(normalized, i);
            }

            for (; k < found && ends[k] <= i + 1; k++)
            {
                if (i < markupEnd)
                {
                    continue;
                }

                Of(normalized, ends[k], ids[k], segmenter, out var word, out var negated);
                if (word != 0)
                {
                    into.Add(word);
                }

                if (negated != 0)
                {
                    into.Add(negated);
                }
            }
        }
    }
}
