using System.Security.Cryptography;
using System.Text;

namespace Triggers.Platforms.Kuaishou;

/// <summary><c>kwaisign</c>: hex MD5 of the raw body bytes followed by the app secret.</summary>
public static class KuaishouSignature
{
    public static string Compute(ReadOnlySpan<byte> body, string appSecret)
    {
        ArgumentNullException.ThrowIfNull(appSecret);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        md5.AppendData(body);
        md5.AppendData(Encoding.UTF8.GetBytes(appSecret));
        return Convert.ToHexStringLower(md5.GetHashAndReset());
    }

    /// <summary>Compares in constant time and ignores hex case, which the docs do not state.</summary>
    public static bool Matches(string received, ReadOnlySpan<byte> body, string appSecret)
    {
        ArgumentNullException.ThrowIfNull(received);
        var expected = Encoding.ASCII.GetBytes(Compute(body, appSecret));
        var actual = Encoding.UTF8.GetBytes(received.Trim().ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
