using System.Globalization;
using static Triggers.Platforms.Tests.WeChat.WeChatFixtures;
using V = Triggers.Platforms.Tests.WeChat.OfficialVectors;

namespace Triggers.Platforms.Tests.WeChat;

/// <summary>
/// Issue 12 item 5 for Official Accounts. Safe mode: msg_signature covers token, timestamp, nonce and the Encrypt
/// value, and the dedupe key (MsgId, else FromUserName:CreateTime:Event), actor and text all come from the decrypted
/// message. Unsigned: the 3-way signature (it covers no message), openid, encrypt_type's case, the envelope around
/// Encrypt, every header and any other query parameter. Plain mode: signature covers token, timestamp and nonce only;
/// openid, msg_signature and every header are unsigned, and so is the body itself (see the last test).
/// </summary>
public sealed class WeChatReplayTests
{
    private static readonly ReplaySet SafeUnsigned = new(
    [
        .. Replays.OrdinaryHeaders("text/xml"),
        .. Replays.ExtraQuery("Timestamp", "MSG_SIGNATURE", "MsgId", "echostr"),
        .. EnvelopeReplays.Envelope(),
        new("with the 3-way signature changed", r => r.WithQuery("signature", new string('f', 40))),
        new("with the 3-way signature removed", r => r.WithoutQuery("signature")),
        new("with openid changed", r => r.WithQuery("openid", "o-someone-else")),
        new("with openid removed", r => r.WithoutQuery("openid")),
        new("with encrypt_type in upper case", r => r.WithQuery("encrypt_type", "AES")),
        new("with msg_signature's hex in upper case", r => r.WithQuery("msg_signature", r.Query["msg_signature"].ToUpperInvariant())),
        new("with encrypt_type removed", r => r.WithoutQuery("encrypt_type"), RefusedWith: 401),
    ]);

    private static readonly ReplaySet PlainUnsigned = new(
    [
        .. Replays.OrdinaryHeaders("text/xml"),
        .. Replays.ExtraQuery("Signature", "msg_signature", "MsgId"),
        new("with openid changed", r => r.WithQuery("openid", "o-someone-else")),
        new("with openid removed", r => r.WithoutQuery("openid")),
        new("with encrypt_type=raw added", r => r.WithQuery("encrypt_type", "raw")),
        new("with signature's hex in upper case", r => r.WithQuery("signature", r.Query["signature"].ToUpperInvariant())),
    ]);

    private static readonly ReplaySet SafeSignedChanges = new(EnvelopeReplays.SignedChanges());

    private static readonly ReplaySet PlainSignedChanges = new(
    [
        new("the timestamp moved by one second", r => r.WithQuery("timestamp", (Now.ToUnixTimeSeconds() + 1).ToString(CultureInfo.InvariantCulture)), RefusedWith: 401),
        new("the nonce changed", r => r.WithQuery("nonce", "replayed-nonce"), RefusedWith: 401),
        new("signature removed", r => r.WithoutQuery("signature"), RefusedWith: 401),
    ]);

    public static TheoryData<string> SafeUnsignedReplays => SafeUnsigned.Names;

    public static TheoryData<string> PlainUnsignedReplays => PlainUnsigned.Names;

    public static TheoryData<string> SafeSignedReplays => SafeSignedChanges.Names;

    public static TheoryData<string> PlainSignedReplays => PlainSignedChanges.Names;

    private static ChannelSettings SafeChannel(TimeSpan? window = null) => Channel(V.Token, V.EncodingAesKey, V.AppId, window);

    /// <summary>
    /// Safe-mode deliveries as WeChat sends them, each with the channel that accepts it: a text message (MsgId) and a
    /// subscribe event (no MsgId) in XML signed now, and the official JSON vector (2024, so with a wide window).
    /// </summary>
    private static IEnumerable<(WebhookRequest Request, ChannelSettings Channel)> SafeAuthentic()
    {
        foreach (var sample in (string[])["mp_parser__parse_text_message.xml", "mp_parser__parse_subscribe_event.xml"])
        {
            var encrypt = WxTestCrypto.Encrypt(V.EncodingAesKey, Sample(sample), V.AppId, "replay-random-01");
            yield return (WithWeChatHeaders(SignedEncryptedPost(V.Token, encrypt, Now, Now, toUserName: "toUser").WithQuery("openid", "fromUser"), "text/xml"), SafeChannel());
        }

        yield return (WithWeChatHeaders(Post(V.SafeJsonQuery, V.SafeJsonBody), "application/json"), SafeChannel(TenYears));
    }

    private static WebhookRequest PlainAuthentic() =>
        WithWeChatHeaders(SignedPlainPost(V.Token, Sample("mp_parser__parse_text_message.xml"), Now, Now), "text/xml");

    private static WebhookRequest WithWeChatHeaders(WebhookRequest request, string contentType) =>
        request.WithHeader("Content-Type", contentType).WithHeader("User-Agent", "Mozilla/4.0");

    [Theory]
    [MemberData(nameof(SafeUnsignedReplays))]
    public void An_authentic_safe_mode_delivery_replayed_with_an_unsigned_part_changed_removed_or_added_stores_nothing_new(string replay)
    {
        foreach (var (request, channel) in SafeAuthentic())
        {
            var original = Replays.Original(Adapter.Handle(request, channel));

            Replays.Check(SafeUnsigned[replay], original, Adapter.Handle(SafeUnsigned[replay].Apply(request), channel));
        }
    }

    [Theory]
    [MemberData(nameof(SafeSignedReplays))]
    public void A_safe_mode_replay_with_a_signed_part_changed_or_missing_is_refused(string replay)
    {
        foreach (var (request, channel) in SafeAuthentic())
        {
            Replays.Original(Adapter.Handle(request, channel));

            Replays.Check(SafeSignedChanges[replay], [], Adapter.Handle(SafeSignedChanges[replay].Apply(request), channel));
        }
    }

    [Fact]
    public void A_safe_mode_replay_inside_the_replay_window_is_the_same_signal_and_one_after_it_is_refused()
    {
        foreach (var (request, channel) in SafeAuthentic().Where(a => a.Channel.ReplayWindow == TimeSpan.FromMinutes(5)))
        {
            var original = Replays.Original(Adapter.Handle(request, channel));

            Replays.SameSignals(original, Adapter.Handle(request.At(Now.AddMinutes(5)), channel));
            Assert.Equal(401, Rejected(Adapter.Handle(request.At(Now.AddMinutes(5).AddSeconds(1)), channel)).StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(PlainUnsignedReplays))]
    public void An_authentic_plain_mode_delivery_replayed_with_an_unsigned_query_parameter_or_header_changed_stores_nothing_new(string replay)
    {
        var original = Replays.Original(Adapter.Handle(PlainAuthentic(), Channel(V.Token)));

        Replays.Check(PlainUnsigned[replay], original, Adapter.Handle(PlainUnsigned[replay].Apply(PlainAuthentic()), Channel(V.Token)));
    }

    [Theory]
    [MemberData(nameof(PlainSignedReplays))]
    public void A_plain_mode_replay_with_a_signed_part_changed_or_missing_is_refused(string replay)
    {
        Replays.Original(Adapter.Handle(PlainAuthentic(), Channel(V.Token)));

        Replays.Check(PlainSignedChanges[replay], [], Adapter.Handle(PlainSignedChanges[replay].Apply(PlainAuthentic()), Channel(V.Token)));
    }

    [Fact]
    public void In_plain_mode_the_signature_does_not_cover_the_body_so_only_safe_mode_keeps_the_identity_signed()
    {
        // WeChat's plain mode signs token, timestamp and nonce only: whoever holds one signed URL can post any message
        // (any MsgId) inside the replay window. Nothing in the request can tell, which is why safe mode is recommended.
        var original = Assert.Single(Replays.Original(Adapter.Handle(PlainAuthentic(), Channel(V.Token))));
        var forged = PlainAuthentic().WithBody(Sample("mp_parser__parse_text_message.xml").Replace("1234567890123456", "1234567890123457", StringComparison.Ordinal));

        Assert.NotEqual(original.Id, Assert.Single(Replays.Original(Adapter.Handle(forged, Channel(V.Token)))).Id);
    }
}
