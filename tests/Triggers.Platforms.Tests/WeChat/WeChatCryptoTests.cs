using System.Security.Cryptography;
using System.Text;
using Triggers.Platforms.WeChat;
using V = Triggers.Platforms.Tests.WeChat.OfficialVectors;

namespace Triggers.Platforms.Tests.WeChat;

public sealed class WeChatCryptoTests
{
    // A non-trivial key (the vectors' 43×A is all zero bytes).
    private const string Key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private static readonly byte[] Random16 = Encoding.ASCII.GetBytes("0123456789abcdef");

    [Fact]
    public void Chinese_text_round_trips_and_its_length_field_counts_bytes()
    {
        var crypto = WeChatCrypto.Create(Key);
        const string message = "你好，世界"; // five CJK characters, 15 UTF-8 bytes

        var encrypt = crypto.Encrypt(message, V.AppId, Random16);
        var plain = DecryptIndependently(Key, encrypt);

        Assert.Equal(new byte[] { 0, 0, 0, 15 }, plain[16..20]);
        Assert.Equal(64, plain.Length); // 16 + 4 + 15 + 18 = 53, padded with 11 to 64
        Assert.Equal(11, plain[^1]);
        Assert.Equal(new WeChatPlaintext(message, V.AppId), crypto.Decrypt(encrypt));
    }

    [Fact]
    public void Message_filling_whole_blocks_gets_a_full_32_byte_pad()
    {
        var crypto = WeChatCrypto.Create(Key);
        const string message = "abcdefghijklmnopqrstuvwxyz"; // 16 + 4 + 26 + 18 = 64, already aligned

        var encrypt = crypto.Encrypt(message, V.AppId, Random16);
        var plain = DecryptIndependently(Key, encrypt);

        Assert.Equal(96, plain.Length);
        Assert.All(plain[64..], b => Assert.Equal(32, b));
        Assert.Equal(new WeChatPlaintext(message, V.AppId), crypto.Decrypt(encrypt));
    }

    [Fact]
    public void Encrypting_uses_the_given_random_as_the_first_sixteen_bytes()
    {
        var encrypt = WeChatCrypto.Create(Key).Encrypt("hi", "wx1", Random16);

        Assert.Equal(Random16, DecryptIndependently(Key, encrypt)[..16]);
    }

    [Fact]
    public void Encrypting_without_given_random_differs_each_time_but_round_trips()
    {
        var crypto = WeChatCrypto.Create(Key);

        var first = crypto.Encrypt("同一条消息", "wx1");
        var second = crypto.Encrypt("同一条消息", "wx1");

        Assert.NotEqual(first, second);
        Assert.Equal("同一条消息", crypto.Decrypt(first).Message);
        Assert.Equal("同一条消息", crypto.Decrypt(second).Message);
    }

    [Fact]
    public void Decrypting_with_the_wrong_key_points_at_the_encoding_aes_key()
    {
        var error = Assert.Throws<PayloadFormatException>(() => WeChatCrypto.Create(Key).Decrypt(V.SafeJsonEncrypt));

        Assert.Contains("EncodingAesKey", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    [InlineData("")]
    public void Encrypt_values_that_are_not_whole_aes_blocks_are_malformed(string encrypt)
    {
        Assert.Throws<PayloadFormatException>(() => WeChatCrypto.Create(Key).Decrypt(encrypt));
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")]
    public void Encoding_aes_keys_other_than_43_letters_or_digits_are_refused(string key)
    {
        Assert.False(WeChatCrypto.TryCreate(key, out _));
    }

    [Fact]
    public void Random_must_be_sixteen_bytes()
    {
        Assert.Throws<ArgumentException>(() => WeChatCrypto.Create(Key).Encrypt("hi", "wx1", new byte[15]));
    }

    /// <summary>AES-256-CBC by hand: key = Base64(EncodingAESKey + "="), IV = key[0..16], no padding removed.</summary>
    private static byte[] DecryptIndependently(string encodingAesKey, string encrypt)
    {
        var key = Convert.FromBase64String(encodingAesKey + "=");
        using var aes = Aes.Create();
        aes.Key = key;
        return aes.DecryptCbc(Convert.FromBase64String(encrypt), key[..16], PaddingMode.None);
    }
}
