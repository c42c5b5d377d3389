using Triggers.Core.Signals;
using static Triggers.Platforms.Tests.Doudian.DoudianFixtures;

namespace Triggers.Platforms.Tests.Doudian;

public sealed class DoudianNormalisationTests
{
    private const string PaidMsgId = "04288XXXXXXX9348874::100:1618990587:68373744XXXXXXX9128";

    [Fact]
    public void Trade_paid_becomes_an_order_from_the_shop_with_amount_in_fen()
    {
        var signal = Assert.Single(Accepted(Adapter.Handle(Post(TradePaid, TradePaidSignature), Channel())).Signals);

        Assert.Equal(SignalKinds.Order, signal.Kind);
        Assert.Equal("doudian/110", signal.Type);
        Assert.Equal("doudian", signal.Platform);
        Assert.Equal("12345", signal.Actor.Id);
        Assert.Null(signal.Text);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1618990587), signal.OccurredAt);
        Assert.Equal(PaidMsgId, signal.DedupeKey);
        Assert.Equal(SignalIds.Create("acme", "shop", PaidMsgId), signal.Id);
        Assert.Equal("xxxxxxx", signal.Attributes["orderId"]);
        Assert.Equal("12345", signal.Attributes["shopId"]);
        Assert.Equal("2990", signal.Attributes["amount"]);
        Assert.Equal("doudian_trade_TradePaid", signal.Attributes["tagName"]);
        Assert.Equal(TradePaid[1..^1], signal.Raw);
    }

    [Fact]
    public void Refund_created_becomes_a_refund_and_keeps_a_19_digit_order_id_exact()
    {
        var signal = Assert.Single(Accepted(Adapter.Handle(SignedPost($"[{RefundCreated}]"), Channel())).Signals);

        Assert.Equal(SignalKinds.Refund, signal.Kind);
        Assert.Equal("doudian/200", signal.Type);
        Assert.Equal("4705288465508532862", signal.Attributes["orderId"]);
        Assert.Equal("95250", signal.Actor.Id);
        Assert.Equal("refund-msg-1", signal.DedupeKey);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1618990587), signal.OccurredAt);
    }

    [Fact]
    public void Each_message_of_a_push_becomes_one_signal_in_order_and_the_test_message_none()
    {
        var body = $$$"""[{{{RefundCreated}}},{"tag":"0","msg_id":"t","data":"{}"},{"tag":"105","msg_id":"m3","data":{"shop_id":1,"buyer_id":"b-77"}},{"tag":301,"msg_id":"m4","data":{}}]""";

        var signals = Accepted(Adapter.Handle(SignedPost(body), Channel())).Signals;

        Assert.Equal(["refund-msg-1", "m3", "m4"], signals.Select(s => s.DedupeKey));
        Assert.Equal([SignalKinds.Refund, SignalKinds.Order, SignalKinds.Event], signals.Select(s => s.Kind));
        Assert.Equal("b-77", signals[1].Actor.Id);
        Assert.Equal("unknown", signals[2].Actor.Id);
        Assert.Equal(Now, signals[2].OccurredAt);
    }

    [Fact]
    public void Data_sent_as_an_object_reads_like_data_sent_as_a_string()
    {
        var asObject = """[{"tag":110,"msg_id":"x1","data":{"p_id":"xxxxxxx","shop_id":12345,"pay_time":1618990587,"pay_amount":2990}}]""";

        var signal = Assert.Single(Accepted(Adapter.Handle(SignedPost(asObject), Channel())).Signals);

        Assert.Equal("2990", signal.Attributes["amount"]);
        Assert.Equal("x1", signal.DedupeKey);
    }
}
