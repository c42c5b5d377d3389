using V = Triggers.Platforms.Tests.WeChat.OfficialVectors;

namespace Triggers.Platforms.Tests.WeChat;

/// <summary>The test-side crypto reproduces the official vectors, so tests built on it check the adapters against the documented algorithm.</summary>
public sealed class WxTestCryptoTests
{
    [Fact]
    public void Test_crypto_reproduces_the_official_safe_mode_vector_both_ways()
    {
        Assert.Equal(V.SafeJsonEncrypt, WxTestCrypto.Encrypt(V.EncodingAesKey, V.SafeJsonMessage, V.AppId, V.SafeJsonRandom));
        Assert.Equal((V.SafeJsonRandom, V.SafeJsonMessage, V.AppId), WxTestCrypto.Decrypt(V.EncodingAesKey, V.SafeJsonEncrypt));
    }

    [Fact]
    public void Test_crypto_reproduces_the_official_reply_vector()
    {
        Assert.Equal(V.ReplyEncrypt, WxTestCrypto.Encrypt(V.EncodingAesKey, V.ReplyMessage, V.AppId, V.ReplyRandom));
    }
}
