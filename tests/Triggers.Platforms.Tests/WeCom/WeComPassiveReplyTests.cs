using System.Globalization;
using System.Xml.Linq;
using Triggers.Platforms.Tests.WeChat;
using static Triggers.Platforms.Tests.WeCom.WeComFixtures;
using V = Triggers.Platforms.Tests.WeCom.WeComVectors;

namespace Triggers.Platforms.Tests.WeCom;

/// <summary>Passive replies to app messages, opened again with the test-side crypto and signature.</summary>
public sealed class WeComPassiveReplyTests
{
    private static readonly ChannelSettings WideWindow = Channel(window: TwentyYears);

    [Fact]
    public void Reply_to_the_official_message_is_an_encrypted_envelope_from_the_corp_to_the_member()
    {
        var request = Post(V.PostQuery, V.PostXmlBody);
        var signal = Assert.Single(Accepted(Adapter.Handle(request, WideWindow)).Signals);

        var reply = Adapter.PassiveText(request, WideWindow, signal, "您好，已收到");

        Assert.Equal(200, reply.StatusCode);
        Assert.Equal("application/xml", reply.ContentType);
        var envelope = XDocument.Parse(reply.Body).Root!;
        var encrypt = envelope.Element("Encrypt")!.Value;
        var timestamp = envelope.Element("TimeStamp")!.Value;
        Assert.Equal(Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), timestamp);
        Assert.Equal(V.PostNonce, envelope.Element("Nonce")!.Value);
        Assert.Equal(Sha1OfSorted(V.Token, timestamp, V.PostNonce, encrypt), envelope.Element("MsgSignature")!.Value);
        var (_, message, receiveId) = WxTestCrypto.Decrypt(V.EncodingAesKey, encrypt);
        Assert.Equal(V.CorpId, receiveId);
        var inner = XDocument.Parse(message).Root!;
        Assert.Equal("mycreate", inner.Element("ToUserName")!.Value);
        Assert.Equal(V.CorpId, inner.Element("FromUserName")!.Value);
        Assert.Equal("text", inner.Element("MsgType")!.Value);
        Assert.Equal("您好，已收到", inner.Element("Content")!.Value);
    }

    [Fact]
    public void Contact_changes_from_sys_cannot_be_answered_passively()
    {
        const string change =
            "<xml><ToUserName>wx5823bf96d3bd56c7</ToUserName><FromUserName>sys</FromUserName><CreateTime>1403610513</CreateTime>" +
            "<MsgType>event</MsgType><Event>change_external_contact</Event><ChangeType>add_external_contact</ChangeType>" +
            "<UserID>zhangsan</UserID><ExternalUserID>wmExternal</ExternalUserID></xml>";
        var request = SignedPost(change);
        var signal = Assert.Single(Accepted(Adapter.Handle(request, Channel())).Signals);

        Assert.Throws<NotSupportedException>(() => Adapter.PassiveText(request, Channel(), signal, "welcome"));
    }

    [Fact]
    public void Json_callbacks_cannot_be_answered_passively()
    {
        var request = Post(V.PostQuery, V.PostJsonBody);
        var signal = Assert.Single(Accepted(Adapter.Handle(request, WideWindow)).Signals);

        var error = Assert.Throws<NotSupportedException>(() => Adapter.PassiveText(request, WideWindow, signal, "x"));

        Assert.Contains("JSON", error.Message, StringComparison.Ordinal);
    }
}
