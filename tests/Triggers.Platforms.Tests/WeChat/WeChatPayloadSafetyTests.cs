using Triggers.Platforms.WeChat;
using static Triggers.Platforms.Tests.WeChat.WeChatFixtures;
using V = Triggers.Platforms.Tests.WeChat.OfficialVectors;

namespace Triggers.Platforms.Tests.WeChat;

/// <summary>Hostile XML (DTDs, entities): refused with a 400 that says why, and nothing is read from it.</summary>
public sealed class WeChatPayloadSafetyTests
{
    private const string Token = "safetyToken";

    private const string ExternalEntityBody = """
        <?xml version="1.0"?>
        <!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <xml><ToUserName>gh_1</ToUserName><FromUserName>&xxe;</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&xxe;</Content></xml>
        """;

    private const string EntityExpansionBody = """
        <!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
        <xml><FromUserName>u</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&c;</Content></xml>
        """;

    [Theory]
    [InlineData(ExternalEntityBody, 2)]
    [InlineData(EntityExpansionBody, 1)]
    public void Signed_plain_body_with_a_doctype_is_refused_and_nothing_is_read(string body, int doctypeLine)
    {
        var rejected = Rejected(Adapter.Handle(SignedPlainPost(Token, body, Now, Now), Channel(Token)));

        Assert.Equal(400, rejected.StatusCode);
        Assert.Equal(
            $"body is not acceptable XML at line {doctypeLine}, position 1: a DOCTYPE declaration is not allowed (DTDs and external entities are disabled)",
            rejected.Error);
        Assert.DoesNotContain("root:", rejected.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("aaaa", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Encrypted_envelope_with_a_doctype_is_refused_before_its_signature_is_checked()
    {
        var body = "<!DOCTYPE xml [<!ENTITY e SYSTEM \"http://example.invalid/\">]><xml><Encrypt>&e;</Encrypt></xml>";

        var rejected = Rejected(Adapter.Handle(Post(V.SafeJsonQuery, body), Channel(V.Token, V.EncodingAesKey, V.AppId, TenYears)));

        Assert.Equal(400, rejected.StatusCode);
        Assert.Contains("DOCTYPE", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Authentic_encrypted_message_whose_plaintext_has_a_doctype_is_refused()
    {
        var encrypt = WeChatCrypto.Create(V.EncodingAesKey).Encrypt(ExternalEntityBody, V.AppId);
        var request = SignedEncryptedPost(Token, encrypt, Now, Now);

        var rejected = Rejected(Adapter.Handle(request, Channel(Token, V.EncodingAesKey, V.AppId)));

        Assert.Equal(400, rejected.StatusCode);
        Assert.StartsWith("decrypted message is not acceptable XML", rejected.Error, StringComparison.Ordinal);
    }
}
