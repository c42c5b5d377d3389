using Triggers.Platforms.Tests.WeChat;
using static Triggers.Platforms.Tests.WeCom.WeComFixtures;
using V = Triggers.Platforms.Tests.WeCom.WeComVectors;

namespace Triggers.Platforms.Tests.WeCom;

/// <summary>
/// Issue 12 item 5 for WeCom. Signed: msg_signature over token, timestamp, nonce and the Encrypt value; the dedupe
/// key (MsgId, else FromUserName:CreateTime:Event:ChangeType:ExternalUserID:UserID), actor, text and attributes all
/// come from the decrypted message. Unsigned: msg_signature's hex case, the envelope around Encrypt (format, spacing,
/// ToUserName, AgentID), every header and any other query parameter (WeCom sends no signature, openid or encrypt_type).
/// </summary>
public sealed class WeComReplayTests
{
    private const string AddContact = """
        <xml>
          <ToUserName><![CDATA[toUser]]></ToUserName>
          <FromUserName><![CDATA[sys]]></FromUserName>
          <CreateTime>1403610513</CreateTime>
          <MsgType><![CDATA[event]]></MsgType>
          <Event><![CDATA[change_external_contact]]></Event>
          <ChangeType><![CDATA[add_external_contact]]></ChangeType>
          <UserID><![CDATA[zhangsan]]></UserID>
          <ExternalUserID><![CDATA[woAJ2GCAAAXtWyujaWJHDDGi0mAAAA]]></ExternalUserID>
          <State><![CDATA[teststate]]></State>
        </xml>
        """;

    private static readonly ReplaySet Unsigned = new(
    [
        .. Replays.OrdinaryHeaders("text/xml"),
        .. Replays.ExtraQuery("signature", "openid", "encrypt_type", "MsgId", "Nonce"),
        .. EnvelopeReplays.Envelope(),
        new("with msg_signature's hex in upper case", r => r.WithQuery("msg_signature", r.Query["msg_signature"].ToUpperInvariant())),
    ]);

    private static readonly ReplaySet SignedChanges = new(EnvelopeReplays.SignedChanges());

    public static TheoryData<string> UnsignedReplays => Unsigned.Names;

    public static TheoryData<string> SignedReplays => SignedChanges.Names;

    private static ChannelSettings Wide => Channel(window: TwentyYears);

    /// <summary>
    /// The official vector (a member's text message, XML envelope with AgentID, 2014 so with a wide window) and, signed
    /// now, a customer contact change in an XML envelope and the vector's message in a JSON envelope.
    /// </summary>
    private static IEnumerable<(WebhookRequest Request, ChannelSettings Channel)> Authentic() =>
    [
        (WithHeaders(Post(V.PostQuery, V.PostXmlBody)), Wide),
        (WithHeaders(SignedPost(AddContact)), Channel()),
        (WithHeaders(SignedPost(V.PostMessage, json: true)), Channel()),
    ];

    private static WebhookRequest WithHeaders(WebhookRequest request) =>
        request.WithHeader("Content-Type", "text/xml").WithHeader("User-Agent", "Mozilla/4.0");

    [Theory]
    [MemberData(nameof(UnsignedReplays))]
    public void An_authentic_callback_replayed_with_an_unsigned_part_changed_removed_or_added_stores_nothing_new(string replay)
    {
        foreach (var (request, channel) in Authentic())
        {
            var original = Replays.Original(Adapter.Handle(request, channel));

            Replays.Check(Unsigned[replay], original, Adapter.Handle(Unsigned[replay].Apply(request), channel));
        }
    }

    [Theory]
    [MemberData(nameof(SignedReplays))]
    public void A_replay_with_a_signed_part_changed_or_missing_is_refused(string replay)
    {
        foreach (var (request, channel) in Authentic())
        {
            Replays.Original(Adapter.Handle(request, channel));

            Replays.Check(SignedChanges[replay], [], Adapter.Handle(SignedChanges[replay].Apply(request), channel));
        }
    }

    [Fact]
    public void The_envelopes_unsigned_AgentID_changes_nothing_stored_and_is_refused_where_it_contradicts_the_message()
    {
        var message = WithHeaders(Post(V.PostQuery, V.PostXmlBody));
        var original = Replays.Original(Adapter.Handle(message, Wide));
        var contact = WithHeaders(SignedPost(AddContact));
        var contactSignals = Replays.Original(Adapter.Handle(contact, Channel()));

        Replays.SameSignals(original, Adapter.Handle(message.WithBody(EnvelopeReplays.Edit(V.PostXmlBody, f => f.Remove("AgentID"))), Wide));
        Assert.Equal(400, Rejected(Adapter.Handle(message.WithBody(EnvelopeReplays.Edit(V.PostXmlBody, f => f["AgentID"] = "1000002")), Wide)).StatusCode);
        Replays.SameSignals(contactSignals, Adapter.Handle(contact.WithBody(EnvelopeReplays.Edit(EnvelopeReplays.Body(contact), f => f["AgentID"] = "1000002")), Channel()));
        Assert.False(contactSignals[0].Attributes.ContainsKey("AgentID"));
    }

    [Fact]
    public void A_replay_inside_the_replay_window_is_the_same_signal_and_one_after_it_is_refused()
    {
        foreach (var (request, channel) in Authentic().Where(a => a.Channel.ReplayWindow == FiveMinutes))
        {
            var original = Replays.Original(Adapter.Handle(request, channel));

            Replays.SameSignals(original, Adapter.Handle(request.At(Now.AddMinutes(5)), channel));
            Assert.Equal(401, Rejected(Adapter.Handle(request.At(Now.AddMinutes(5).AddSeconds(1)), channel)).StatusCode);
        }
    }
}
