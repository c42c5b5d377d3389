using System.Security.Cryptography;
using System.Text;

namespace Triggers.Platforms.Outbound;

/// <summary>
/// Which credential a cached token belongs to. The secret enters only as a short hash: a rotated secret gets a new
/// entry at once, and the key can be logged or compared without holding the secret.
/// </summary>
public readonly record struct AccessTokenKey(string Platform, string AppId, string SecretHash)
{
    public static AccessTokenKey For(string platform, string appId, string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)))[..16];
        return new AccessTokenKey(platform, appId, hash);
    }
}
