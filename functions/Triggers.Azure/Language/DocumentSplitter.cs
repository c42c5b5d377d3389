using System.Globalization;

namespace Triggers.Azure.Language;

/// <summary>
/// Cuts a text longer than the service's per-document limit into pieces: after the last sentence end that fits,
/// else after the last whitespace, else at a text-element boundary (never inside a surrogate pair or cluster).
/// </summary>
internal static class DocumentSplitter
{
    /// <summary>The synchronous limit, counted like <see cref="StringInfo.LengthInTextElements"/>.</summary>
    public const int MaxTextElements = 5120;

    public static IReadOnlyList<TextPiece> Split(string text, int maxElements, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxElements, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 1);
        var starts = StringInfo.ParseCombiningCharacters(text);
        if (starts.Length <= maxElements && text.Length <= maxChars)
        {
            return [new TextPiece(0, text, starts.Length)];
        }

        int End(int element) => element < starts.Length ? starts[element] : text.Length;
        var pieces = new List<TextPiece>();
        for (var first = 0; first < starts.Length;)
        {
            var count = Math.Min(starts.Length - first, maxElements);
            while (count > 1 && End(first + count) - starts[first] > maxChars)
            {
                count--;
            }

            if (first + count < starts.Length)
            {
                count = BestBreak(text, starts, first, count);
            }

            var offset = starts[first];
            pieces.Add(new TextPiece(offset, text[offset..End(first + count)], count));
            first += count;
        }

        return pieces;
    }

    /// <summary>How many elements from <paramref name="first"/> to keep; only the later half is searched so pieces stay large.</summary>
    private static int BestBreak(string text, int[] starts, int first, int count)
    {
        var floor = first + Math.Max(1, count / 2);
        for (var e = first + count - 1; e >= floor - 1; e--)
        {
            if (EndsSentence(text, starts, e))
            {
                return e - first + 1;
            }
        }

        for (var e = first + count - 1; e >= floor - 1; e--)
        {
            if (char.IsWhiteSpace(text[starts[e]]))
            {
                return e - first + 1;
            }
        }

        return count;
    }

    private static bool EndsSentence(string text, int[] starts, int element)
    {
        var c = text[starts[element]];
        if (c is '。' or '！' or '？' or '!' or '?' or '；' or ';' or '…' or '\n' or '\u2029')
        {
            return true;
        }

        // "3.14" and "e.g.x" are not sentence ends; ". " is.
        return c is '.' or '．' && (element + 1 == starts.Length || char.IsWhiteSpace(text[starts[element + 1]]));
    }
}
