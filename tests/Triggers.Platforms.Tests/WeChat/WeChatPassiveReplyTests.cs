using System.Text.Json;
using System.Xml.Linq;
using static Triggers.Platforms.Tests.WeChat.WeChatFixtures;
using V = Triggers.Platforms.Tests.WeChat.OfficialVectors;

namespace Triggers.Platforms.Tests.WeChat;

/// <summary>
/// <see cref="IPassiveReplyAdapter"/> on the Official Account adapter: each reply is opened again with the
/// test-side crypto and signature, never with the adapter's own.
/// </summary>
public sealed class WeChatPassiveReplyTests
{
    private const string Token = "replyToken";
    private const string Key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private const string AppId = "wx5823bf96d3bd56c7";

    [Fact]
    public void Plain_mode_reply_is_the_documented_text_xml_with_sender_and_account_swapped()
    {
        var channel = Channel(Token);
        var request = SignedPlainPost(Token, Sample("mp_parser__parse_text_message.xml"), Now, Now);
        var signal = Assert.Single(Accepted(Adapter.Handle(request, channel)).Signals);

        var reply = Adapter.PassiveText(request, channel, signal, "已收到，马上处理");

        Assert.Equal(200, reply.StatusCode);
        Assert.Equal("application/xml", reply.ContentType);
        var xml = XDocument.Parse(reply.Body).Root!;
        Assert.Equal("fromUser", xml.Element("ToUserName")!.Value);
        Assert.Equal("toUser", xml.Element("FromUserName")!.Value);
        Assert.Equal(Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), xml.Element("CreateTime")!.Value);
        Assert.Equal("text", xml.Element("MsgType")!.Value);
        Assert.Equal("已收到，马上处理", xml.Element("Content")!.Value);
    }

    [Fact]
    public void Safe_mode_reply_is_an_envelope_signed_with_the_request_nonce_that_decrypts_to_the_text_xml()
    {
        var channel = Channel(Token, Key, AppId);
        var inbound = WxTestCrypto.Encrypt(Key, Sample("mp_parser__parse_text_message.xml"), AppId, "reply-test-rand1");
        var request = SignedEncryptedPost(Token, inbound, Now, Now, nonce: "98765");
        var signal = Assert.Single(Accepted(Adapter.Handle(request, channel)).Signals);

        var reply = Adapter.PassiveText(request, channel, signal, "收到");

        var envelope = XDocument.Parse(reply.Body).Root!;
        var encrypt = envelope.Element("Encrypt")!.Value;
        var timestamp = envelope.Element("TimeStamp")!.Value;
        Assert.Equal("98765", envelope.Element("Nonce")!.Value);
        Assert.Equal(Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), timestamp);
        Assert.Equal(Sha1OfSorted(Token, timestamp, "98765", encrypt), envelope.Element("MsgSignature")!.Value);
        var (_, message, receiveId) = WxTestCrypto.Decrypt(Key, encrypt);
        Assert.Equal(AppId, receiveId);
        var inner = XDocument.Parse(message).Root!;
        Assert.Equal("fromUser", inner.Element("ToUserName")!.Value);
        Assert.Equal("toUser", inner.Element("FromUserName")!.Value);
        Assert.Equal("收到", inner.Element("Content")!.Value);
    }

    [Fact]
    public void Safe_mode_replies_use_a_fresh_random_each_time()
    {
        var channel = Channel(Token, Key, AppId);
        var request = SignedEncryptedPost(Token, WxTestCrypto.Encrypt(Key, Sample("mp_parser__parse_text_message.xml"), AppId, "reply-test-rand2"), Now, Now);
        var signal = Assert.Single(Accepted(Adapter.Handle(request, channel)).Signals);

        var first = WxTestCrypto.Decrypt(Key, XDocument.Parse(Adapter.PassiveText(request, channel, signal, "x").Body).Root!.Element("Encrypt")!.Value);
        var second = WxTestCrypto.Decrypt(Key, XDocument.Parse(Adapter.PassiveText(request, channel, signal, "x").Body).Root!.Element("Encrypt")!.Value);

        Assert.NotEqual(first.Random, second.Random);
        Assert.Equal(first.Message, second.Message);
    }

    [Fact]
    public void Reply_to_a_json_delivery_is_the_json_envelope_around_a_json_text_message()
    {
        var channel = Channel(V.Token, V.EncodingAesKey, V.AppId, TenYears);
        var request = Post(V.SafeJsonQuery, V.SafeJsonBody);
        var signal = Assert.Single(Accepted(Adapter.Handle(request, channel)).Signals);

        var reply = Adapter.PassiveText(request, channel, signal, "good luck");

        Assert.Equal("application/json", reply.ContentType);
        using var envelope = JsonDocument.Parse(reply.Body);
        var root = envelope.RootElement;
        var encrypt = root.GetProperty("Encrypt").GetString()!;
        var timestamp = root.GetProperty("TimeStamp").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(V.ReplyNonce, root.GetProperty("Nonce").GetString());
        Assert.Equal(Sha1OfSorted(V.Token, timestamp, V.ReplyNonce, encrypt), root.GetProperty("MsgSignature").GetString());
        using var inner = JsonDocument.Parse(WxTestCrypto.Decrypt(V.EncodingAesKey, encrypt).Message);
        Assert.Equal("o9AgO5Kd5ggOC-bXrbNODIiE3bGY", inner.RootElement.GetProperty("ToUserName").GetString());
        Assert.Equal("gh_97417a04a28d", inner.RootElement.GetProperty("FromUserName").GetString());
        Assert.Equal("text", inner.RootElement.GetProperty("MsgType").GetString());
        Assert.Equal("good luck", inner.RootElement.GetProperty("Content").GetString());
    }

    [Fact]
    public void Signal_from_another_channel_is_refused()
    {
        var channel = Channel(Token);
        var request = SignedPlainPost(Token, Sample("mp_parser__parse_text_message.xml"), Now, Now);
        var signal = Assert.Single(Accepted(Adapter.Handle(request, channel)).Signals);

        var error = Assert.Throws<ArgumentException>(() => Adapter.PassiveText(request, channel with { Name = "other" }, signal, "x"));

        Assert.Contains("not other", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Signal_without_the_account_it_was_sent_to_cannot_be_answered()
    {
        var channel = Channel(Token);
        var request = SignedPlainPost(Token, Sample("mp_parser__parse_text_message.xml"), Now, Now);
        var signal = Assert.Single(Accepted(Adapter.Handle(request, channel)).Signals) with { Attributes = new Dictionary<string, string>() };

        var error = Assert.Throws<ArgumentException>(() => Adapter.PassiveText(request, channel, signal, "x"));

        Assert.Contains("ToUserName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_adapter_is_a_passive_reply_adapter()
    {
        Assert.IsAssignableFrom<IPassiveReplyAdapter>(Adapter);
    }
}
