using System.Security.Cryptography;
using System.Text;

namespace Triggers.Platforms.Doudian;

/// <summary><c>event-sign</c>: lower-case hex MD5 of app key ‖ raw body bytes ‖ app secret.</summary>
public static class DoudianSignature
{
    public static string Compute(string appKey, ReadOnlySpan<byte> body, string appSecret)
    {
        ArgumentNullException.ThrowIfNull(appKey);
        ArgumentNullException.ThrowIfNull(appSecret);

        // MD5 because that is what 抖店 signs with; nothing here chooses it.
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        md5.AppendData(Encoding.UTF8.GetBytes(appKey));
        md5.AppendData(body);
        md5.AppendData(Encoding.UTF8.GetBytes(appSecret));
        return Convert.ToHexStringLower(md5.GetHashAndReset());
    }

    /// <summary>Compares in constant time; upper-case hex in <paramref name="received"/> is accepted.</summary>
    public static bool Matches(string received, string appKey, ReadOnlySpan<byte> body, string appSecret)
    {
        ArgumentNullException.ThrowIfNull(received);
        var expected = Encoding.ASCII.GetBytes(Compute(appKey, body, appSecret));
        var actual = Encoding.UTF8.GetBytes(received.Trim().ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
