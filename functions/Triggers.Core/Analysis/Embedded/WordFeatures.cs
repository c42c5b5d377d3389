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

    /// <summary>
    /// Whether the word starting at <paramref name="start"/> follows a negator on the segmenter's path: a negating word
    /// ending right there (没有, 不是, 并不, 毫无, 不太…), or a lone 不, 没, 未, 别 or 无, or a lone 不/没 and a lone
    /// 太/很/够. The path decides: 特别喜欢 and 是不是喜欢 end in 别 and 不 inside other words and negate nothing.
    /// <paramref name="previousEnd"/> and <paramref name="previousLength"/> are the path's word before this one
    /// (Words() lists words of two or more characters; every character between them stands alone); -1 and 0 for none.
    /// </summary>
    public static bool FollowsNegator(ReadOnlySpan<char> s, int start, int previousEnd, int previousLength)
    {
        if (previousEnd == start)
        {
            return IsNegatingWord(s[(start - previousLength)..start]);
        }

        return start > 0 && (s[start - 1] is '不' or '没' or '未' or '别' or '无'
            || (start - 2 >= Math.Max(previousEnd, 0) && s[start - 1] is '太' or '很' or '够' && s[start - 2] is '不' or '没'));
    }

    /// <summary>
    /// The features of the word <paramref name="id"/> ending (exclusive) at <paramref name="end"/>: the word itself
    /// when it has three or more characters, the negated word when it follows a negator; 0 for none.
    /// </summary>
    public static void Of(ReadOnlySpan<char> s, int end, int id, int previousEnd, int previousLength, WordSegmenter segmenter, out uint word, out uint negated)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        var length = segmenter.LengthOf(id);
        word = length >= 3 ? Word(id) : 0;
        negated = FollowsNegator(s, end - length, previousEnd, previousLength) ? Negated(id) : 0;
    }

    /// <summary>
    /// Adds the word features of normalised text to <paramref name="into"/>: the words on the segmenter's path that
    /// end outside social markup, as <see cref="ClauseScorer"/> reads them.
    /// </summary>
    public static void Collect(ReadOnlySpan<char> normalized, WordSegmenter segmenter, HashSet<uint> into)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        ArgumentNullException.ThrowIfNull(into);
        var words = new Cursor(normalized, segmenter, new int[normalized.Length], new int[normalized.Length]);
        var markupEnd = 0;
        for (var i = 0; i < normalized.Length; i++)
        {
            SocialMarkup.Enter(normalized, i, ref markupEnd);
            words.At(normalized, i, i < markupEnd, out var word, out var negated);
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

    /// <summary>
    /// The segmenter's path walked beside a loop over the text's indices: <see cref="At"/> is called for every index in
    /// order (at least every Chinese one, where words end), by the trainer and the scorer alike.
    /// </summary>
    public ref struct Cursor
    {
        private readonly WordSegmenter? segmenter;
        private readonly Span<int> ends;
        private readonly Span<int> ids;
        private readonly int count;
        private int next;
        private int previousEnd = -1;
        private int previousLength;

        /// <summary>Segments <paramref name="s"/> into <paramref name="ends"/> and <paramref name="ids"/> (each at least as long); no segmenter walks no words.</summary>
        public Cursor(ReadOnlySpan<char> s, WordSegmenter? segmenter, Span<int> ends, Span<int> ids)
        {
            this.segmenter = segmenter;
            this.ends = ends;
            this.ids = ids;
            count = segmenter?.Words(s, ends, ids) ?? 0;
        }

        /// <summary>
        /// The features of the path's word that ends at index <paramref name="i"/> (0 and 0 when none does); a word
        /// ending inside markup is passed over unread, as the trainer does not learn it.
        /// </summary>
        public void At(ReadOnlySpan<char> s, int i, bool inMarkup, out uint word, out uint negated)
        {
            word = negated = 0;
            for (; next < count && ends[next] <= i + 1; next++)
            {
                if (!inMarkup)
                {
                    Of(s, ends[next], ids[next], previousEnd, previousLength, segmenter!, out word, out negated);
                }

                previousEnd = ends[next];
                previousLength = segmenter!.LengthOf(ids[next]);
            }
        }
    }

    private static bool IsNegatingWord(ReadOnlySpan<char> word) => word is "没有" or "不是" or "并不" or "并非" or "从不" or "毫不"
        or "绝不" or "决不" or "永不" or "从未" or "并未" or "毫无" or "不太" or "不够" or "不怎么" or "不大" or "并没有" or "从没"
        or "从来不" or "没什么" or "不算" or "不再" or "绝非";
}
