using System.Security.Cryptography;
using System.Text;

namespace Triggers.Platforms.WeChat;

/// <summary>
/// The WeChat-family signature: SHA1 over the ordinal-sorted, concatenated parts, as lower-case hex.
/// Ordinal order matters: Base64 '+' and '/' sort before digits, which culture-aware sorting gets wrong.
/// </summary>
public static class WeChatSignature
{
    public static string Compute(params ReadOnlySpan<string> parts)
    {
        var sorted = parts.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(sorted)));
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Compares in constant time; upper-case hex in <paramref name="received"/> is accepted.</summary>
    public static bool Matches(string received, params ReadOnlySpan<string> parts)
    {
        var expected = Encoding.ASCII.GetBytes(Compute(parts));
        var actual = Encoding.ASCII.GetBytes(received.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
