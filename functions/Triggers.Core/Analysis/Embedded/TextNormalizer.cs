using Triggers.Core.Analysis.Embedded.Lexicon;

namespace Triggers.Core.Analysis.Embedded;

/// <summary>
/// Folds text into the one form the lexicon and model are written in: simplified characters, half-width ASCII,
/// lower case, single spaces, no emoji variation selectors, and runs of one character cut to three
/// (哈哈哈哈哈 and !!!!!! carry no more than 哈哈哈 and !!!, and cannot swamp a text).
/// </summary>
public static class TextNormalizer
{
    public const int MaxRun = 3;

    /// <summary>Writes the normalised form of <paramref name="source"/> into <paramref name="target"/> (at least as long) and returns its length.</summary>
    public static int Normalize(ReadOnlySpan<char> source, Span<char> target)
    {
        var length = 0;
        var last = '\0';
        var run = 0;
        foreach (var raw in source)
        {
            var c = Fold(raw);
            if (c == '\0' || (c == ' ' && (last == ' ' || length == 0)))
            {
                continue;
            }

            run = c == last ? run + 1 : 1;
            if (run > MaxRun)
            {
                continue;
            }

            target[length++] = c;
            last = c;
        }

        return length;
    }

    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = new char[text.Length];
        return new string(buffer, 0, Normalize(text, buffer));
    }

    /// <summary>One character's folded form; '\0' drops it.</summary>
    public static char Fold(char c)
    {
        if (c < 0x80)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : char.IsWhiteSpace(c) ? ' ' : c;
        }

        return c switch
        {
            >= '\uFF01' and <= '\uFF5E' => Fold((char)(c - 0xFEE0)),
            '\u3000' or '\u00A0' => ' ',
            '\uFE0F' or '\uFE0E' or '\u200B' or '\u200D' or '\uFEFF' => '\0',
            '\u2019' or '\u2018' => '\'',
            '\u3002' => '。',
            >= '\u4E00' and <= '\u9FFF' => TraditionalChinese.ToSimplified(c),
            _ => char.IsWhiteSpace(c) ? ' ' : c,
        };
    }
}
