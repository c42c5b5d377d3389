using System.Security.Cryptography;
using System.Text;

namespace Triggers.Platforms.Bilibili;

/// <summary>
/// The Bilibili open-platform signature (official C# demo, CommonHeader.ToSortedString + CreateSignature):
/// the six x-bili-* headers sorted by name, each "name:value", joined by "\n" with no trailing newline,
/// then lower-hex HMAC-SHA256 keyed with the app secret.
/// </summary>
public static class BilibiliSignature
{
    public const string AccessKeyId = "x-bili-accesskeyid";
    public const string ContentMd5 = "x-bili-content-md5";
    public const string SignatureMethod = "x-bili-signature-method";
    public const string SignatureNonce = "x-bili-signature-nonce";
    public const string SignatureVersion = "x-bili-signature-version";
    public const string Timestamp = "x-bili-timestamp";
    public const string Authorization = "Authorization";

    public const string HmacSha256 = "HMAC-SHA256";

    /// <summary>In ordinal order, which is the order they are signed in.</summary>
    public static IReadOnlyList<string> SignedHeaders { get; } =
        [AccessKeyId, ContentMd5, SignatureMethod, SignatureNonce, SignatureVersion, Timestamp];

    /// <param name="value">The value of each signed header, by its lower-case name.</param>
    public static string StringToSign(Func<string, string> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return string.Join('\n', SignedHeaders.Select(name => $"{name}:{value(name)}"));
    }

    public static string Compute(string appSecret, string stringToSign)
    {
        ArgumentNullException.ThrowIfNull(appSecret);
        ArgumentNullException.ThrowIfNull(stringToSign);
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), Encoding.UTF8.GetBytes(stringToSign)));
    }

    /// <summary>Lower-hex MD5 of the raw body; for an empty body that is d41d8cd98f00b204e9800998ecf8427e.</summary>
    public static string BodyMd5(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(MD5.HashData(body));

    /// <summary>Constant-time comparison of lower-case hex; <paramref name="received"/> may be upper-case.</summary>
    public static bool HexEquals(string expected, string received)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(received);
        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(expected.ToLowerInvariant()), Encoding.ASCII.GetBytes(received.Trim().ToLowerInvariant()));
    }
}
