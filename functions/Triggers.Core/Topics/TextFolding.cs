using System.Collections.Frozen;

namespace Triggers.Core.Topics;

/// <summary>
/// Folds one character at a time so offsets in the folded text equal offsets in the original: Latin letters
/// to lower case, full-width ASCII to ASCII, and the traditional characters of the default keywords to their
/// simplified forms (enough for 續航/電池/價格/質量/售後…; not a general converter).
/// </summary>
internal static class TextFolding
{
    // Pairs by position. 裡/裏 both fold to 里, 發/髮 both to 发.
    private const string Traditional = "續裡裏電虧樁窩虛標慮補換槍進價錢貴優漲劃實報質異響壞務態銷顧問導購專員遞發髮貨車觀顏設計內飾醜難線條後維養廠權還";
    private const string Simplified = "续里里电亏桩窝虚标虑补换枪进价钱贵优涨划实报质异响坏务态销顾问导购专员递发发货车观颜设计内饰丑难线条后维养厂权还";

    private static readonly FrozenDictionary<char, char> ToSimplified = Build();

    public static char Fold(char c)
    {
        if (c < 0x80)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c + ('a' - 'A')) : c;
        }

        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            return Fold((char)(c - 0xFEE0));
        }

        if (c < 0x250)
        {
            return char.ToLowerInvariant(c);
        }

        return ToSimplified.TryGetValue(c, out var simplified) ? simplified : c;
    }

    public static void Fold(ReadOnlySpan<char> source, Span<char> destination)
    {
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = Fold(source[i]);
        }
    }

    public static string Fold(string text) => string.Create(text.Length, text, static (span, source) => Fold(source, span));

    public static bool IsAsciiWordChar(char c) => char.IsAsciiLetterOrDigit(c);

    private static FrozenDictionary<char, char> Build()
    {
        if (Traditional.Length != Simplified.Length)
        {
            throw new InvalidOperationException("The traditional and simplified tables differ in length.");
        }

        var map = new Dictionary<char, char>();
        for (var i = 0; i < Traditional.Length; i++)
        {
            if (Traditional[i] != Simplified[i])
            {
                map[Traditional[i]] = Simplified[i];
            }
        }

        return map.ToFrozenDictionary();
    }
}
