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
