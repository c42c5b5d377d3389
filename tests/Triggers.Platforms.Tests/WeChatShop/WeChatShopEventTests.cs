using Triggers.Core.Signals;
using Triggers.Platforms.Tests.WeChat;
using static Triggers.Platforms.Tests.WeChatShop.ShopFixtures;
using V = Triggers.Platforms.Tests.WeChat.OfficialVectors;

namespace Triggers.Platforms.Tests.WeChatShop;

/// <summary>The §3 order and after-sale samples, encrypted in the test and pushed through the adapter.</summary>
public sealed class WeChatShopEventTests
{
    [Fact]
    public void Order_pay_sample_encrypts_in_the_test_to_the_independently_computed_ciphertext()
    {
        Assert.Equal(ShopSamples.OrderPayEncrypt, WxTestCrypto.Encrypt(V.EncodingAesKey, ShopSamples.OrderPay, V.AppId, "shop-order-pay01"));
    }

    [Fact]
    public void Paid_order_is_an_order_signal_from_the_buyer_keeping_the_order_id_and_pay_time()
    {
        var signal = Receive(ShopSamples.OrderPay, "shop-order-pay01");

        Assert.Equal(SignalKinds.Order, signal.Kind);
        Assert.Equal("channels_ec_order_pay", signal.Type);
        Assert.Equal("OPENID", signal.Actor.Id);
        Assert.Equal("OPENID", signal.Attributes["buyer"]);
        Assert.Equal("3705115058471208928", signal.Attributes["orderId"]);
        Assert.Equal("1658509200", signal.Attributes["pay_time"]);
        Assert.False(signal.Attributes.ContainsKey("amount"));
        Assert.Null(signal.Text);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1662480000), signal.OccurredAt);
        Assert.Equal("channels_ec_order_pay:3705115058471208928:1662480000", signal.DedupeKey);
        Assert.Equal(SignalIds.Create("acme", "shop", "channels_ec_order_pay:3705115058471208928:1662480000"), signal.Id);
        Assert.Equal(ShopSamples.OrderPay, signal.Raw);
    }

    [Fact]
    public void Order_id_sent_as_a_json_number_beyond_2_to_the_53_is_kept_exactly_as_a_string()
    {
        var signal = Receive(ShopSamples.OrderNew);

        Assert.Equal(SignalKinds.Order, signal.Kind);
        Assert.Equal("channels_ec_order_new", signal.Type);
        Assert.Equal("3705115058471208928", signal.Attributes["orderId"]);
    }

    [Fact]
    public void Same_order_paid_and_new_at_the_same_time_are_two_signals_and_a_redelivery_is_one()
    {
        var paid = Receive(ShopSamples.OrderPay);
        var created = Receive(ShopSamples.OrderNew);

        Assert.NotEqual(paid.Id, created.Id);
        Assert.Equal(paid.Id, Receive(ShopSamples.OrderPay, "another-random-1").Id);
    }

    [Fact]
    public void After_sale_update_is_a_refund_keeping_after_sale_order_and_status()
    {
        var signal = Receive(ShopSamples.AfterSaleUpdate);

        Assert.Equal(SignalKinds.Refund, signal.Kind);
        Assert.Equal("channels_ec_aftersale_update", signal.Type);
        Assert.Equal("OpenID", signal.Actor.Id);
        Assert.Equal("1234567", signal.Attributes["afterSaleOrderId"]);
        Assert.Equal("12345", signal.Attributes["orderId"]);
        Assert.Equal("USER_WAIT_RETURN", signal.Attributes["status"]);
        Assert.Equal("100", signal.Attributes["wxa_vip_discounted_price"]);
        Assert.Equal("channels_ec_aftersale_update:1234567:1662480000", signal.DedupeKey);
    }

    [Fact]
    public void An_amount_in_order_info_is_kept_as_amount()
    {
        var message = ShopSamples.OrderPay.Replace("\"pay_time\"", "\"order_price\":12990,\"pay_time\"", StringComparison.Ordinal);

        Assert.Equal("12990", Receive(message).Attributes["amount"]);
    }

    [Fact]
    public void Other_shop_events_stay_events_named_by_their_event()
    {
        const string vipJoin = """{"ToUserName":"gh_*","FromUserName":"OPENID","CreateTime":1662480000,"MsgType":"event","Event":"channels_ec_vip_join","user_info":{"union_id":"u"}}""";

        var signal = Receive(vipJoin);

        Assert.Equal(SignalKinds.Event, signal.Kind);
        Assert.Equal("channels_ec_vip_join", signal.Type);
        Assert.Equal("channels_ec_vip_join:OPENID:1662480000", signal.DedupeKey);
    }

    [Theory]
    [InlineData("""{"FromUserName":"OPENID","CreateTime":1662480000,"MsgType":"event","Event":"channels_ec_order_pay"}""", "channels_ec_order_pay push has no order_info object")]
    [InlineData("""{"FromUserName":"OPENID","CreateTime":1662480000,"MsgType":"event","Event":"channels_ec_order_pay","order_info":{"pay_time":"1"}}""", "channels_ec_order_pay push has no order_info.order_id")]
    [InlineData("""{"FromUserName":"OpenID","CreateTime":1662480000,"MsgType":"event","Event":"channels_ec_aftersale_update","finder_shop_aftersale_status_update":{"order_id":"1"}}""", "channels_ec_aftersale_update push has no finder_shop_aftersale_status_update.after_sale_order_id")]
    [InlineData("""{"CreateTime":1662480000,"MsgType":"event","Event":"channels_ec_order_pay"}""", "message has no FromUserName field")]
    [InlineData("""{"FromUserName":"OPENID","CreateTime":"soon","MsgType":"event","Event":"x"}""", "message field CreateTime 'soon' is not unix seconds")]
    public void Authentic_pushes_missing_what_their_kind_needs_are_malformed(string message, string error)
    {
        var rejected = Rejected(Adapter.Handle(SignedPush(message), Channel()));

        Assert.Equal(400, rejected.StatusCode);
        Assert.Equal(error, rejected.Error);
    }

    private static Signal Receive(string message, string random = "shop-test-random") =>
        Assert.Single(Accepted(Adapter.Handle(SignedPush(message, random: random), Channel())).Signals);
}
