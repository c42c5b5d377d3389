using System.Security.Cryptography;
using System.Text;

namespace Triggers.Platforms.Xiaohongshu;

/// <summary>
/// The e-commerce push's <c>sign</c> header as implemented here (INFERRED from the ark API sign family and
/// open-source receivers, no official vector): lower-hex MD5 of
/// <c>{path}?app-key={app-key}&amp;timestamp={timestamp}{AppSecret}</c>, where path is the webhook path
/// <c>/api/webhooks/{channel}</c> and the two parameters are the request's headers, sorted by name.
/// The body is not covered. Check this against the official 消息推送 doc before relying on it.
/// </summary>
public static class XiaohongshuSign
{
    public static string WebhookPath(string channel) => $"/api/webhooks/{channel}";

    public static string StringToSign(string path, string appKey, string timestamp, string appSecret) =>
        $"{path}?app-key={appKey}&timestamp={timestamp}{appSecret}";

    public static string Compute(string path, string appKey, string timestamp, string appSecret) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(StringToSign(path, appKey, timestamp, appSecret))));

    /// <summary>Constant-time; upper-case hex in <paramref name="received"/> is accepted.</summary>
    public static bool Matches(string received, string path, string appKey, string timestamp, string appSecret)
    {
        ArgumentNullException.ThrowIfNull(received);
        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Compute(path, appKey, timestamp, appSecret)),
            Encoding.ASCII.GetBytes(received.Trim().ToLowerInvariant()));
    }
}
