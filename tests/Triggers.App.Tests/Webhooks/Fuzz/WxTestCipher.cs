using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Triggers.App.Tests.Webhooks.Fuzz;

/// <summary>The WXBizMsgCrypt layout written out for the tests (random16 ‖ len ‖ msg ‖ receiveId, AES-256-CBC, PKCS#7 to 32).</summary>
internal static class WxTestCipher
{
    public static string Encrypt(string encodingAesKey, string receiveId, string message)
    {
        var key = Convert.FromBase64String(encodingAesKey + "=");
        var msg = Encoding.UTF8.GetBytes(message);
        var id = Encoding.UTF8.GetBytes(receiveId);
        var length = 16 + 4 + msg.Length + id.Length;
        var pad = 32 - (length % 32);
        var plain = new byte[length + pad];
        RandomNumberGenerator.Fill(plain.AsSpan(0, 16));
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(16, 4), msg.Length);
        msg.CopyTo(plain, 20);
        id.CopyTo(plain, 20 + msg.Length);
        plain.AsSpan(length).Fill((byte)pad);
        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, key.AsSpan(0, 16), PaddingMode.None));
    }

    public static string Signature(params string[] parts)
    {
        Array.Sort(parts, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
    }
}
