using System.Security.Cryptography;
using System.Text;

namespace Triggers.Azure.Storage;

/// <summary>An account name and its decoded key, able to sign a Shared Key string-to-sign.</summary>
internal sealed class StorageSharedKey(string accountName, byte[] key)
{
    public string AccountName { get; } = accountName;

    public string Sign(string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));

    public string AuthorizationHeader(string stringToSign) => $"SharedKey {AccountName}:{Sign(stringToSign)}";

    /// <summary>Decodes a base64 account key, or returns null when it is not valid base64.</summary>
    public static StorageSharedKey? TryCreate(string accountName, string base64Key)
    {
        var buffer = new byte[base64Key.Length];
        return Convert.TryFromBase64String(base64Key, buffer, out var written) && written > 0
            ? new StorageSharedKey(accountName, buffer[..written])
            : null;
    }
}
