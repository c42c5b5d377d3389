using System.Text;
using System.Xml.Linq;
using Triggers.Platforms.WeChat;
using static Triggers.Platforms.Tests.WeChat.WeChatFixtures;
using V = Triggers.Platforms.Tests.WeChat.OfficialVectors;

namespace Triggers.Platforms.Tests.WeChat;

public sealed class WeChatReplyTests
{
    private static readonly DateTimeOffset CreatedAt = new(2023, 11, 14, 22, 13, 20, TimeSpan.Zero); // unix 1700000000

    [Fact]
    public void Accepted_delivery_answers_success_as_plain_text()
    {
        Assert.Equal(new WebhookReply(200, "success", "text/plain"), WeChatReplies.Success);
    }

    [Fact]
    public void Passive_text_reply_has_the_documented_shape()
    {
        var xml = WeChatReplies.TextXml("oUser", "gh_account", CreatedAt, "你好");

        Assert.Equal(
            "<xml><ToUserName><![CDATA[oUser]]></ToUserName><FromUserName><![CDATA[gh_account]]></FromUserName>" +
            "<CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好]]></Content></xml>",
            xml);
    }

    [Fact]
    public void Passive_text_reply_carries_a_cdata_terminator_intact()
    {
        const string content = "a ]]> b <c> & d";

        var xml = WeChatReplies.TextXml("oUser", "gh_account", CreatedAt, content);

        Assert.Equal(content, XDocument.Parse(xml).Root!.Element("Content")!.Value);
    }

    [Fact]
    public void Passive_text_reply_refuses_characters_xml_cannot_carry()
    {
        Assert.Throws<ArgumentException>(() => WeChatReplies.TextXml("oUser", "gh_account", CreatedAt, "bell \u0007"));
    }

    [Fact]
    public void Passive_text_reply_on_a_plaintext_channel_is_the_plain_xml()
    {
        var options = WeChatOptions.From(Channel("abc"));

        var reply = WeChatReplies.PassiveText(options, "oUser", "gh_account", "收到", CreatedAt, "nonce1", new byte[16]);

        Assert.Equal(200, reply.StatusCode);
        Assert.Equal(WeChatReplies.TextXml("oUser", "gh_account", CreatedAt, "收到"), reply.Body);
        Assert.Equal("application/xml", reply.ContentType);
    }

    [Fact]
    public void Passive_text_reply_on_a_safe_mode_channel_is_a_signed_envelope_around_the_plain_xml()
    {
        var options = WeChatOptions.From(Channel(V.Token, V.EncodingAesKey, V.AppId));

        var reply = WeChatReplies.PassiveText(options, "oUser", "gh_account", "收到", CreatedAt, "nonce1", Encoding.ASCII.GetBytes("0123456789abcdef"));

        var envelope = XDocument.Parse(reply.Body).Root!;
        var encrypt = envelope.Element("Encrypt")!.Value;
        Assert.Equal("1700000000", envelope.Element("TimeStamp")!.Value);
        Assert.Equal("nonce1", envelope.Element("Nonce")!.Value);
        Assert.Equal(Sha1OfSorted(V.Token, "1700000000", "nonce1", encrypt), envelope.Element("MsgSignature")!.Value);
        var plaintext = WeChatCrypto.Create(V.EncodingAesKey).Decrypt(encrypt);
        Assert.Equal(WeChatReplies.TextXml("oUser", "gh_account", CreatedAt, "收到"), plaintext.Message);
        Assert.Equal(V.AppId, plaintext.ReceiveId);
    }
}
