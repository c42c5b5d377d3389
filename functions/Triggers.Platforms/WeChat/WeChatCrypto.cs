using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Triggers.Platforms.WeChat;

/// <summary>
/// WXBizMsgCrypt, shared by Official Accounts, mini-programs, WeChat Shop and WeCom: AES-256-CBC with
/// IV = key[0..16] over random16 ‖ len32be ‖ message ‖ receiveId, PKCS#7-padded to 32-byte blocks.
/// The padding is done by hand because .NET's PKCS7 mode pads to 16 and rejects pads of 17..32.
/// </summary>
public sealed class WeChatCrypto
{
    public const int RandomLength = 16;
    public const int EncodingAesKeyLength = 43;
    private const int PadBlock = 32;
    private const int HeaderLength = RandomLength + sizeof(int);

    private readonly byte[] key;

    private WeChatCrypto(byte[] key) => this.key = key;

    /// <summary>Checks the console's 43-character EncodingAESKey and derives the 32-byte AES key.</summary>
    public static bool TryCreate(string encodingAesKey, [NotNullWhen(true)] out WeChatCrypto? crypto)
    {
        crypto = null;
        if (encodingAesKey.Length != EncodingAesKeyLength || !encodingAesKey.All(char.IsAsciiLetterOrDigit))
        {
            return false;
        }

        var key = Convert.FromBase64String(encodingAesKey + "=");
        if (key.Length != 32)
        {
            return false;
        }

        crypto = new WeChatCrypto(key);
        return true;
    }

    public static WeChatCrypto Create(string encodingAesKey) =>
        TryCreate(encodingAesKey, out var crypto)
            ? crypto
            : throw new ArgumentException($"an EncodingAESKey is {EncodingAesKeyLength} letters or digits", nameof(encodingAesKey));

    /// <exception cref="PayloadFormatException">Not Base64, not whole AES blocks, bad padding or layout (usually a wrong EncodingAesKey).</exception>
    public WeChatPlaintext Decrypt(string encrypt)
    {
        byte[] cipher;
        try
        {
            cipher = Convert.FromBase64String(encrypt);
        }
        catch (FormatException ex)
        {
            throw new PayloadFormatException("Encrypt is not valid Base64", ex);
        }

        if (cipher.Length == 0 || cipher.Length % 16 != 0)
        {
            throw new PayloadFormatException($"Encrypt decodes to {cipher.Length} bytes, not a whole number of AES blocks");
        }

        using var aes = Aes.Create();
        aes.Key = key;
        var plain = aes.DecryptCbc(cipher, key.AsSpan(0, 16), PaddingMode.None);

        int pad = plain[^1];
        if (pad is < 1 or > PadBlock || pad > plain.Length || plain.AsSpan(plain.Length - pad).ContainsAnyExcept((byte)pad))
        {
            throw new PayloadFormatException("Encrypt did not decrypt to valid padding; check that EncodingAesKey matches the WeChat console");
        }

        var content = plain.AsSpan(0, plain.Length - pad);
        var length = content.Length < HeaderLength ? -1 : BinaryPrimitives.ReadInt32BigEndian(content[RandomLength..HeaderLength]);
        if (length < 0 || length > content.Length - HeaderLength)
        {
            throw new PayloadFormatException("Encrypt decrypted to an inconsistent length field; check that EncodingAesKey matches the WeChat console");
        }

        return new WeChatPlaintext(
            PayloadText.DecodeUtf8(content.Slice(HeaderLength, length), "decrypted message"),
            PayloadText.DecodeUtf8(content[(HeaderLength + length)..], "decrypted receive id"));
    }

    /// <summary>Encrypts with the given 16 random bytes, so tests can reproduce official vectors.</summary>
    public string Encrypt(string message, string receiveId, ReadOnlySpan<byte> random)
    {
        if (random.Length != RandomLength)
        {
            throw new ArgumentException($"exactly {RandomLength} random bytes are needed", nameof(random));
        }

        var messageLength = Encoding.UTF8.GetByteCount(message);
        var unpadded = HeaderLength + messageLength + Encoding.UTF8.GetByteCount(receiveId);
        var pad = PadBlock - (unpadded % PadBlock);
        var plain = new byte[unpadded + pad];
        random.CopyTo(plain);
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(RandomLength), messageLength);
        var written = Encoding.UTF8.GetBytes(message, plain.AsSpan(HeaderLength));
        Encoding.UTF8.GetBytes(receiveId, plain.AsSpan(HeaderLength + written));
        plain.AsSpan(unpadded).Fill((byte)pad);

        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, key.AsSpan(0, 16), PaddingMode.None));
    }

    public string Encrypt(string message, string receiveId)
    {
        Span<byte> random = stackalloc byte[RandomLength];
        RandomNumberGenerator.Fill(random);
        return Encrypt(message, receiveId, random);
    }
}
