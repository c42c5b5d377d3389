namespace Triggers.Core.Topics;

/// <summary>
/// Splits text into clauses: at sentence and clause punctuation, and just before a contrast word, so
/// "续航太差了但是颜值很高" is two clauses ("续航太差了", "但是颜值很高") each with its own sentiment.
/// Clauses are trimmed of white space; empty ones are dropped. Offsets are in UTF-16 code units.
/// </summary>
public static class Clauses
{
    // Longest first where one is a prefix of another (但是 before 但, 只不过 before 不过).
    private static readonly string[] ChineseContrast = ["但是", "只不过", "不过", "可是", "然而", "只是", "但"];
    private static readonly string[] EnglishContrast = ["even though", "although", "however", "though", "but"];

    public static IReadOnlyList<(int Start, int Length)> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clauses = new List<(int Start, int Length)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsDelimiter(text, i))
            {
                Add(text, start, i, clauses);
                start = i + 1;
                continue;
            }

            var contrast = ContrastLength(text, i);
            if (contrast > 0)
            {
                Add(text, start, i, clauses);
                start = i;
                i += contrast - 1;
            }
        }

        Add(text, start, text.Length, clauses);
        return clauses;
    }

    private static bool IsDelimiter(string text, int i) => text[i] switch
    {
        '，' or '。' or '！' or '？' or '；' or '、' or '!' or '?' or ';' or '\n' or '\r' => true,
        // 3.5 kWh and 1,000 km are numbers, not two clauses.
        '.' or ',' => !(i > 0 && i + 1 < text.Length && char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1])),
        _ => false,
    };

    private static int ContrastLength(string text, int i)
    {
        var c = text[i];
        if (c is '但' or '不' or '可' or '然' or '只')
        {
            foreach (var word in ChineseContrast)
            {
                if (string.CompareOrdinal(text, i, word, 0, word.Length) == 0 && !IsNotContrast(text, i, word))
                {
                    return word.Length;
                }
            }

            return 0;
        }

        if (!char.IsAsciiLetter(c) || (i > 0 && char.IsAsciiLetterOrDigit(text[i - 1])))
        {
            return 0;
        }

        foreach (var word in EnglishContrast)
        {
            var end = i + word.Length;
            if (end <= text.Length
                && string.Compare(text, i, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (end == text.Length || !char.IsAsciiLetterOrDigit(text[end])))
            {
                return word.Length;
            }
        }

        return 0;
    }

    // 不但/非但 (not only) and 不只是 (not merely) add, they do not contrast.
    private static bool IsNotContrast(string text, int i, string word) =>
        i > 0 && (word, text[i - 1]) is ("但", '不' or '非') or ("但是", '不') or ("只是", '不');

    private static void Add(string text, int start, int end, List<(int Start, int Length)> clauses)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            clauses.Add((start, end - start));
        }
    }
}
