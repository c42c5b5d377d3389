using System.Security.Cryptography;
using System.Text;

namespace Triggers.Platforms.Douyin;

/// <summary>
/// <c>X-Douyin-Signature</c>: lower-case hex SHA1 of the client secret followed by the raw body bytes.
/// A plain hash of the concatenation, not an HMAC; the body is hashed exactly as received.
/// </summary>
public static class DouyinSignature
{
    public static string Compute(string clientSecret, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(clientSecret);
        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        sha1.AppendData(Encoding.UTF8.GetBytes(clientSecret));
        sha1.AppendData(body);
        return Convert.ToHexStringLower(sha1.GetHashAndReset());
    }

    /// <summary>Compares in constant time; upper-case hex in <paramref name="received"/> is accepted.</summary>
    public static bool Matches(string received, string clientSecret, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(received);
        var expected = Encoding.ASCII.GetBytes(Compute(clientSecret, body));
        var actual = Encoding.UTF8.GetBytes(received.Trim().ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
