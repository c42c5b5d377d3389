using Triggers.Core.Signals;
using static Triggers.Platforms.Tests.Kuaishou.KuaishouFixtures;

namespace Triggers.Platforms.Tests.Kuaishou;

/// <summary>Kinds, actors and identities read from the inferred envelope.</summary>
public sealed class KuaishouNormalisationTests
{
    [Fact]
    public void Live_room_comment_becomes_danmaku_from_the_viewer_with_its_text()
    {
        var signal = Single(Adapter.Handle(Post(LiveComment, LiveCommentSignature), Channel(appId: AppId)));

        Assert.Equal(SignalKinds.Danmaku, signal.Kind);
        Assert.Equal("live_comment", signal.Type);
        Assert.Equal("kuaishou", signal.Platform);
        Assert.Equal("5b748c61ef2901405450656638e8f702d3", signal.Actor.Id);
        Assert.Equal("主播好棒", signal.Text);
        Assert.Equal(Now, signal.OccurredAt);
        Assert.Equal("m-live-1", signal.DedupeKey);
        Assert.Equal(SignalIds.Create("acme", "ks", "m-live-1"), signal.Id);
        Assert.Equal("r9", signal.Attributes["roomId"]);
        Assert.Equal(LiveComment, signal.Raw);
    }

    [Theory]
    [InlineData("video_comment", SignalKinds.Comment)]
    [InlineData("live_danmaku", SignalKinds.Danmaku)]
    [InlineData("live_like", SignalKinds.Event)]
    [InlineData("live_gift", SignalKinds.Event)]
    [InlineData("mp_pay_result", SignalKinds.Order)]
    [InlineData("refund_result", SignalKinds.Refund)]
    [InlineData("user_authorize", SignalKinds.Event)]
    public void Event_names_map_to_kinds(string name, string kind)
    {
        var signal = Single(Adapter.Handle(SignedPost($$$"""{"event":"{{{name}}}","message_id":"k","data":{"user_id":"u1"}}"""), Channel()));

        Assert.Equal(kind, signal.Kind);
        Assert.Equal(name, signal.Type);
        Assert.Equal("u1", signal.Actor.Id);
    }

    [Fact]
    public void Payment_result_keeps_order_id_and_amount_and_reads_data_sent_as_a_string()
    {
        var body = """{"event":"PAY_SUCCESS","message_id":"p1","timestamp":1795334390,"data":"{\"out_order_no\":\"kdj1231113454676\",\"total_amount\":100,\"open_id\":\"buyer-1\"}"}""";

        var signal = Single(Adapter.Handle(SignedPost(body), Channel()));

        Assert.Equal(SignalKinds.Order, signal.Kind);
        Assert.Equal("buyer-1", signal.Actor.Id);
        Assert.Equal("kdj1231113454676", signal.Attributes["orderId"]);
        Assert.Equal("100", signal.Attributes["amount"]);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795334390), signal.OccurredAt);
    }

    [Fact]
    public void Without_message_id_the_task_id_and_then_a_body_hash_identify_the_event()
    {
        var withTask = Single(Adapter.Handle(SignedPost("""{"event":"live_like","data":{"taskId":"t-42"}}"""), Channel()));
        var hashed = Single(Adapter.Handle(SignedPost("""{"event":"live_like","data":{}}"""), Channel()));

        Assert.Equal("t-42", withTask.DedupeKey);
        Assert.Equal("t-42", withTask.Attributes["taskId"]);
        Assert.StartsWith("sha256:", hashed.DedupeKey, StringComparison.Ordinal);
    }

    [Fact]
    public void Event_without_a_user_falls_back_to_the_app_id()
    {
        var signal = Single(Adapter.Handle(SignedPost("""{"event":"live_start","message_id":"s","app_id":"ks1"}"""), Channel()));

        Assert.Equal("ks1", signal.Actor.Id);
        Assert.Equal(Now, signal.OccurredAt);
    }

    [Fact]
    public void Nested_user_info_names_the_actor()
    {
        var signal = Single(Adapter.Handle(SignedPost("""{"event":"live_gift","message_id":"g","data":{"userInfo":{"userId":"fan-9"},"giftName":"rocket","count":3}}"""), Channel()));

        Assert.Equal("fan-9", signal.Actor.Id);
        Assert.Equal("rocket", signal.Attributes["giftName"]);
        Assert.Equal("3", signal.Attributes["count"]);
    }

    [Fact]
    public void Events_are_acknowledged_with_result_1()
    {
        var accepted = Assert.IsType<WebhookAccepted>(Adapter.Handle(Post(LiveComment, LiveCommentSignature), Channel()));

        Assert.Equal(200, accepted.Reply.StatusCode);
        Assert.Equal("""{"result":1}""", accepted.Reply.Body);
        Assert.Equal("application/json", accepted.Reply.ContentType);
    }
}
