using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Triggers.Platforms.Tests.WeChat;

/// <summary>
/// WXBizMsgCrypt written out again for the tests (AES-256-CBC, IV = key[0..16], PKCS#7 to 32 bytes,
/// random16 ‖ len32be ‖ message ‖ receiveId), so encrypted test deliveries and produced replies are not
/// checked with the code under test. Pinned to the official vectors and to Python-computed ciphertexts.
/// </summary>
internal static class WxTestCrypto
{
    public static string Encrypt(string encodingAesKey, string message, string receiveId, string random16)
    {
        var key = Convert.FromBase64String(encodingAesKey + "=");
        var body = Encoding.UTF8.GetBytes(message);
        var tail = Encoding.UTF8.GetBytes(receiveId);
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, body.Length);
        var plain = Encoding.ASCII.GetBytes(random16).Concat(length).Concat(body).Concat(tail).ToList();
        var pad = 32 - (plain.Count % 32);
        plain.AddRange(Enumerable.Repeat((byte)pad, pad));
        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(plain.ToArray(), key[..16], PaddingMode.None));
    }

    public static (string Random, string Message, string ReceiveId) Decrypt(string encodingAesKey, string encrypt)
    {
        var key = Convert.FromBase64String(encodingAesKey + "=");
        using var aes = Aes.Create();
        aes.Key = key;
        var plain = aes.DecryptCbc(Convert.FromBase64String(encrypt), key[..16], PaddingMode.None);
        var unpadded = plain[..^plain[^1]];
        var length = BinaryPrimitives.ReadInt32BigEndian(unpadded.AsSpan(16, 4));
        return (
            Encoding.Latin1.GetString(unpadded, 0, 16),
            Encoding.UTF8.GetString(unpadded, 20, length),
            Encoding.UTF8.GetString(unpadded, 20 + length, unpadded.Length - 20 - length));
    }
}
