namespace Triggers.Core.Analysis.Embedded;

/// <summary>
/// Splits text into sentences at 。！？!?… and line breaks (a run of them stays with its sentence), and at '.'
/// followed by a space or the end, so decimals and URLs stay whole. Returns trimmed ranges (possibly empty).
/// A sentence longer than <see cref="MaxLength"/> is cut there, so scoring memory stays bounded for any input.
/// </summary>
public static class SentenceSplitter
{
    public const int MaxLength = 1024;

    /// <summary>Finds the sentence starting at <paramref name="start"/> and returns where the next one starts.</summary>
    public static int Next(ReadOnlySpan<char> text, int start, out Range sentence)
    {
        var i = start;
        var limit = Math.Min(text.Length, start + MaxLength);
        while (i < limit && !IsEnd(text, i))
        {
            i++;
        }

        if (i == limit && i < text.Length && char.IsLowSurrogate(text[i]))
        {
            i--;
        }

        while (i < text.Length && IsEnd(text, i))
        {
            i++;
        }

        sentence = Trim(text, start, i);
        return i;
    }

    private static bool IsEnd(ReadOnlySpan<char> text, int i) => text[i] switch
    {
        '。' or '！' or '？' or '!' or '?' or '…' or '\n' or '\r' or '；' => true,
        '.' => i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]) || text[i + 1] == '.',
        _ => false,
    };

    private static Range Trim(ReadOnlySpan<char> text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return start..end;
    }
}
