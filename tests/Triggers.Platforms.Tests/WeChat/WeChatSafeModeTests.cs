using Triggers.Core.Signals;
using Triggers.Platforms.WeChat;
using static Triggers.Platforms.Tests.WeChat.WeChatFixtures;
using V = Triggers.Platforms.Tests.WeChat.OfficialVectors;

namespace Triggers.Platforms.Tests.WeChat;

/// <summary>Encrypted deliveries built here end to end: what the signal contains comes only from the decrypted message.</summary>
public sealed class WeChatSafeModeTests
{
    private const string Token = "safeToken";
    private const string Key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private const string AppId = "wx5823bf96d3bd56c7";

    private const string ChineseText =
        "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[oUser]]></FromUserName>" +
        "<CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[客服太慢了，我要退款]]></Content>" +
        "<MsgId>24512345678901234</MsgId></xml>";

    [Fact]
    public void Encrypted_chinese_text_message_becomes_a_message_signal_with_its_content()
    {
        var encrypt = WeChatCrypto.Create(Key).Encrypt(ChineseText, AppId);

        var outcome = Adapter.Handle(SignedEncryptedPost(Token, encrypt, Now, Now), Channel(Token, Key, AppId));

        var signal = Assert.Single(Accepted(outcome).Signals);
        Assert.Equal(SignalKinds.Message, signal.Kind);
        Assert.Equal("客服太慢了，我要退款", signal.Text);
        Assert.Equal("24512345678901234", signal.DedupeKey);
        Assert.Equal(ChineseText, signal.Raw);
    }

    [Fact]
    public void Forged_plaintext_fields_beside_encrypt_are_rejected_because_the_encrypted_message_says_otherwise()
    {
        var encrypt = WeChatCrypto.Create(Key).Encrypt(ChineseText, AppId);
        var signed = SignedEncryptedPost(Token, encrypt, Now, Now);
        var forged = "<xml><FromUserName>attacker</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType>" +
                     $"<Content>forged</Content><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";

        var rejected = Rejected(Adapter.Handle(signed with { Body = System.Text.Encoding.UTF8.GetBytes(forged) }, Channel(Token, Key, AppId)));

        Assert.Equal(400, rejected.StatusCode);
        Assert.Contains("FromUserName 'attacker' does not match", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compatible_mode_plaintext_copies_that_match_the_encrypted_message_are_accepted()
    {
        var encrypt = WeChatCrypto.Create(Key).Encrypt(ChineseText, AppId);
        var signed = SignedEncryptedPost(Token, encrypt, Now, Now);
        var inner = System.Xml.Linq.XElement.Parse(ChineseText);
        var copies = string.Concat(inner.Elements().Select(e => $"<{e.Name}><![CDATA[{e.Value}]]></{e.Name}>"));
        var compatible = $"<xml>{copies}<Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";

        var signal = Assert.Single(Accepted(Adapter.Handle(signed with { Body = System.Text.Encoding.UTF8.GetBytes(compatible) }, Channel(Token, Key, AppId))).Signals);

        Assert.Equal("oUser", signal.Actor.Id);
        Assert.Equal("客服太慢了，我要退款", signal.Text);
    }

    [Fact]
    public void Encrypted_message_for_another_app_is_forbidden()
    {
        var encrypt = WeChatCrypto.Create(Key).Encrypt(ChineseText, "wxsomeoneelse0000");

        var rejected = Rejected(Adapter.Handle(SignedEncryptedPost(Token, encrypt, Now, Now), Channel(Token, Key, AppId)));

        Assert.Equal(403, rejected.StatusCode);
        Assert.Contains("'wxsomeoneelse0000'", rejected.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(AppId, rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Authentic_message_encrypted_with_another_key_points_at_the_encoding_aes_key()
    {
        var encrypt = WeChatCrypto.Create(V.EncodingAesKey).Encrypt(ChineseText, AppId);

        var rejected = Rejected(Adapter.Handle(SignedEncryptedPost(Token, encrypt, Now, Now), Channel(Token, Key, AppId)));

        Assert.Equal(400, rejected.StatusCode);
        Assert.Contains("EncodingAesKey", rejected.Error, StringComparison.Ordinal);
    }
}
