using System.Globalization;
using System.Text;

namespace Triggers.Azure.Stores;

/// <summary>
/// Escaping for the parts of composite table keys such as <c>{tenant}|{channel}|{contact}</c>. Contact ids are platform
/// ids and may hold anything, so every store that builds keys from them escapes the same way.
/// </summary>
internal static class KeyParts
{
    /// <summary>
    /// Makes any text a valid key part: '%' and the '|' separator, the characters Table Storage forbids in keys
    /// ('/', '\', '#', '?') and control characters become %XX (UTF-8 bytes), so distinct parts never collide.
    /// Text without those characters is returned unchanged, so ordinary ids stay readable in the table.
    /// </summary>
    public static string Escape(string part)
    {
        ArgumentNullException.ThrowIfNull(part);
        if (!part.Any(NeedsEscape))
        {
            return part;
        }

        var builder = new StringBuilder(part.Length + 8);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in part.EnumerateRunes())
        {
            if (rune.IsBmp && NeedsEscape((char)rune.Value))
            {
                var length = rune.EncodeToUtf8(utf8);
                foreach (var b in utf8[..length])
                {
                    builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    /// <summary>Escaped parts joined by '|'; unambiguous because '|' inside a part is escaped.</summary>
    public static string Join(params ReadOnlySpan<string> parts)
    {
        var escaped = new string[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            escaped[i] = Escape(parts[i]);
        }

        return string.Join('|', escaped);
    }

    /// <summary>The text a part was escaped from (%XX sequences are UTF-8 bytes).</summary>
    public static string Unescape(string part) => Uri.UnescapeDataString(part);

    private static bool NeedsEscape(char c) => c is '%' or '|' or '/' or '\\' or '#' or '?' || char.IsControl(c);
}
