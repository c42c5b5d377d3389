using Triggers.Core.Signals;
using static Triggers.Platforms.Tests.Douyin.DouyinFixtures;
using S = Triggers.Platforms.Tests.Douyin.DouyinSamples;

namespace Triggers.Platforms.Tests.Douyin;

public sealed class DouyinNormalisationTests
{
    [Fact]
    public void Private_message_becomes_a_message_from_the_sender_with_its_text_and_millisecond_time()
    {
        var signal = Single(Adapter.Handle(Post(S.ImReceiveMsg, S.ImReceiveMsgSignature, msgId: "msg-001"), Channel()));

        Assert.Equal(SignalKinds.Message, signal.Kind);
        Assert.Equal("im_receive_msg", signal.Type);
        Assert.Equal("douyin", signal.Platform);
        Assert.Equal("aaa-ae9b-4dbf-add1-bf67e4093fab", signal.Actor.Id);
        Assert.Equal("捷途70", signal.Text);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1681303285997), signal.OccurredAt);
        Assert.Equal(Now, signal.ReceivedAt);
        Assert.Equal(BodyIdentity(S.ImReceiveMsg), signal.DedupeKey);
        Assert.Equal(SignalIds.Create("acme", "demo", BodyIdentity(S.ImReceiveMsg)), signal.Id);
        Assert.Equal("msg-001", signal.Attributes["msgId"]);
        Assert.Equal(S.ImReceiveMsg, signal.Raw);
        Assert.Equal("json", signal.RawFormat);
        Assert.Equal("aaa-7ae0-4399-914a-5eb1df5861ba", signal.Attributes["toUserId"]);
    }

    [Fact]
    public void The_signed_body_without_its_log_id_identifies_the_event_whatever_the_unsigned_msg_id_header_says()
    {
        var withLogId = Single(Adapter.Handle(SignedPost(S.NewFollowAction), Channel()));
        var withMsgId = Single(Adapter.Handle(SignedPost(S.NewFollowAction, msgId: "f-9"), Channel()));
        var otherLogId = S.NewFollowAction.Replace("202306151447300000000000005369C6D", "20230615144730000000000000FFFFFF", StringComparison.Ordinal);
        var retried = Single(Adapter.Handle(SignedPost(otherLogId), Channel()));

        Assert.Equal(BodyIdentity(S.NewFollowAction), withLogId.DedupeKey);
        Assert.Equal(withLogId.Id, withMsgId.Id);
        Assert.Equal(withLogId.Id, retried.Id);
        Assert.Equal("202306151447300000000000005369C6D", withLogId.Attributes["logId"]);
    }

    /// <summary>
    /// Issue 12 item 5: the signature covers the body only, so every header (Msg-Id, X-Request-Id, User-Agent,
    /// Content-Type, forwarding headers, the names' case), the signature's spelling and the query are unsigned.
    /// Msg-Id is kept as the msgId attribute and may differ; nothing else may.
    /// </summary>
    private static readonly ReplaySet UnsignedReplays = new(
    [
        .. Replays.OrdinaryHeaders("application/json"),
        .. Replays.ExtraQuery("msg_id", "log_id", "X-Douyin-Signature"),
        new("with Msg-Id changed", r => r.WithHeader("Msg-Id", "dy-replayed-with-a-new-id")),
        new("with Msg-Id removed", r => r.WithoutHeader("Msg-Id")),
        new("with the signature's hex in upper case", r => r.WithHeader("X-Douyin-Signature", S.ImReceiveMsgSignature.ToUpperInvariant())),
        new("with spaces around the signature", r => r.WithHeader("X-Douyin-Signature", $" {S.ImReceiveMsgSignature}  ")),
    ]);

    private static readonly ReplaySet SignedChanges = new(
    [
        new("a body byte changed", r => r.WithOneBodyByteChanged(), RefusedWith: 401),
        new("a log_id added to the body", r => r.WithBody(S.ImReceiveMsg.Replace("\"content\"", "\"log_id\":\"log-9\",\"content\"", StringComparison.Ordinal)), RefusedWith: 401),
        new("the signature removed", r => r.WithoutHeader("X-Douyin-Signature"), RefusedWith: 401),
    ]);

    public static TheoryData<string> UnsignedReplayNames => UnsignedReplays.Names;

    public static TheoryData<string> SignedReplayNames => SignedChanges.Names;

    private static WebhookRequest AuthenticMessage() =>
        Post(S.ImReceiveMsg, S.ImReceiveMsgSignature, msgId: "msg-001").WithHeader("Content-Type", "application/json").WithHeader("User-Agent", "Douyin-Webhook");

    [Theory]
    [MemberData(nameof(UnsignedReplayNames))]
    public void An_authentic_push_replayed_with_an_unsigned_header_or_query_parameter_changed_removed_or_added_stores_nothing_new(string replay)
    {
        var original = Replays.Original(Adapter.Handle(AuthenticMessage(), Channel()));

        Replays.Check(UnsignedReplays[replay], original, Adapter.Handle(UnsignedReplays[replay].Apply(AuthenticMessage()), Channel()), "msgId");
    }

    [Theory]
    [MemberData(nameof(SignedReplayNames))]
    public void A_replay_with_the_signed_body_changed_or_unsigned_is_refused(string replay)
    {
        Replays.Original(Adapter.Handle(AuthenticMessage(), Channel()));

        Replays.Check(SignedChanges[replay], [], Adapter.Handle(SignedChanges[replay].Apply(AuthenticMessage()), Channel()));
    }

    [Fact]
    public void A_replay_days_later_is_the_same_signal_because_douyin_signs_no_timestamp_and_the_signed_body_is_the_identity()
    {
        var original = Replays.Original(Adapter.Handle(AuthenticMessage(), Channel()));

        Replays.SameSignals(original, Adapter.Handle(AuthenticMessage().At(Now.AddDays(3)), Channel()), "msgId");
    }

    /// <summary>The documented rule, computed here: SHA-256 of the body with its top-level log_id removed.</summary>
    private static string BodyIdentity(string body)
    {
        var envelope = System.Text.Json.Nodes.JsonNode.Parse(body)!.AsObject();
        envelope.Remove("log_id");
        return "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(envelope.ToJsonString())));
    }

    [Fact]
    public void Follow_with_content_as_a_json_string_becomes_a_follow_at_the_action_time()
    {
        var signal = Single(Adapter.Handle(SignedPost(S.NewFollowAction, msgId: "f-1"), Channel()));

        Assert.Equal(SignalKinds.Follow, signal.Kind);
        Assert.Equal("5bfa0218-477c-4d51-865c-64f0588794a6", signal.Actor.Id);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1686811643), signal.OccurredAt);
        Assert.Null(signal.Text);
    }

    [Fact]
    public void Follow_action_type_the_docs_do_not_define_stays_a_plain_event()
    {
        var body = S.NewFollowAction.Replace("\\\"action_type\\\":1", "\\\"action_type\\\":2", StringComparison.Ordinal);

        var signal = Single(Adapter.Handle(SignedPost(body), Channel()));

        Assert.Equal(SignalKinds.Event, signal.Kind);
        Assert.Equal("2", signal.Attributes["actionType"]);
    }

    [Fact]
    public void Comment_reply_becomes_a_comment_from_the_commenter()
    {
        var signal = Single(Adapter.Handle(SignedPost(S.ItemCommentReply), Channel()));

        Assert.Equal(SignalKinds.Comment, signal.Kind);
        Assert.Equal("u-commenter", signal.Actor.Id);
        Assert.Equal("这个颜色还有货吗", signal.Text);
        Assert.Equal("c-1", signal.Attributes["commentId"]);
    }

    [Fact]
    public void Message_the_account_sent_is_an_agent_message_about_the_recipient()
    {
        var body = S.ImReceiveMsg.Replace("im_receive_msg", "im_send_msg", StringComparison.Ordinal);

        var signal = Single(Adapter.Handle(SignedPost(body), Channel()));

        Assert.Equal(SignalKinds.AgentMessage, signal.Kind);
        Assert.Equal("aaa-7ae0-4399-914a-5eb1df5861ba", signal.Actor.Id);
    }

    [Fact]
    public void Non_text_message_gets_a_marker_text()
    {
        var body = """{"event":"im_group_receive_msg","from_user_id":"u1","content":{"message_type":"emoji","create_time":1656671771668}}""";

        var signal = Single(Adapter.Handle(SignedPost(body), Channel()));

        Assert.Equal(SignalKinds.Message, signal.Kind);
        Assert.Equal("[emoji]", signal.Text);
    }

    [Theory]
    [InlineData("authorize")]
    [InlineData("unauthorize")]
    [InlineData("create_video")]
    public void Other_events_keep_their_name_as_type(string name)
    {
        var signal = Single(Adapter.Handle(SignedPost($$$"""{"event":"{{{name}}}","from_user_id":"u9","client_key":"ck","content":{"scopes":[]}}"""), Channel()));

        Assert.Equal(SignalKinds.Event, signal.Kind);
        Assert.Equal(name, signal.Type);
        Assert.Equal("u9", signal.Actor.Id);
    }

    [Fact]
    public void Event_without_any_user_falls_back_to_the_client_key()
    {
        var signal = Single(Adapter.Handle(Post(S.LifeTradeOrderNotify, S.LifeTradeOrderNotifySignature), Channel()));

        Assert.Equal("axxxxxxxxxxxxx", signal.Actor.Id);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1665991178), signal.OccurredAt);
    }

    [Fact]
    public void Business_event_is_acknowledged_with_an_empty_200()
    {
        var accepted = Accepted(Adapter.Handle(SignedPost(S.NewFollowAction), Channel()));

        Assert.Equal(200, accepted.Reply.StatusCode);
        Assert.Equal(string.Empty, accepted.Reply.Body);
    }
}
