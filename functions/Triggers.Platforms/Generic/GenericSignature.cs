using System.Security.Cryptography;
using System.Text;

namespace Triggers.Platforms.Generic;

/// <summary>
/// <c>X-Triggers-Signature: sha256=</c> lower-hex HMAC-SHA256(secret, timestamp + "." + raw body). Binding the
/// timestamp into the MAC is what makes the replay window meaningful: it cannot be changed without the secret.
/// </summary>
public static class GenericSignature
{
    public const string Prefix = "sha256=";

    public static string Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(timestamp);
        var signed = new byte[Encoding.UTF8.GetByteCount(timestamp) + 1 + body.Length];
        var written = Encoding.UTF8.GetBytes(timestamp, signed);
        signed[written] = (byte)'.';
        body.CopyTo(signed.AsSpan(written + 1));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>Compares in constant time; the hex may be upper-case, the prefix must be there.</summary>
    public static bool Matches(string header, string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(header);
        var value = header.Trim();
        if (!value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(secret, timestamp, body));
        var actual = Encoding.ASCII.GetBytes(value[Prefix.Length..].ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
