using static Triggers.Platforms.Tests.WeChatShop.ShopFixtures;
using V = Triggers.Platforms.Tests.WeChat.OfficialVectors;

namespace Triggers.Platforms.Tests.WeChatShop;

/// <summary>The message-push vectors the channels/shop page publishes (platforms.md §1.7 A, B) through the shop adapter.</summary>
public sealed class WeChatShopOfficialVectorTests
{
    private static readonly ChannelSettings WideWindow = Channel(window: TimeSpan.FromDays(3650));

    [Fact]
    public void Url_verification_vector_echoes_the_plaintext_echostr()
    {
        var challenge = Assert.IsType<WebhookChallenge>(Adapter.Handle(Get(V.GetQuery), WideWindow));

        Assert.Equal("4375120948345356249", challenge.Body);
        Assert.Equal("text/plain", challenge.ContentType);
    }

    [Fact]
    public void Safe_mode_json_vector_becomes_an_event_named_by_its_event()
    {
        var accepted = Accepted(Adapter.Handle(Post(V.SafeJsonQuery, V.SafeJsonBody), WideWindow));

        var signal = Assert.Single(accepted.Signals);
        Assert.Equal("event", signal.Kind);
        Assert.Equal("debug_demo", signal.Type);
        Assert.Equal("o9AgO5Kd5ggOC-bXrbNODIiE3bGY", signal.Actor.Id);
        Assert.Equal("debug_demo:o9AgO5Kd5ggOC-bXrbNODIiE3bGY:1714112445", signal.DedupeKey);
        Assert.Equal(V.SafeJsonMessage, signal.Raw);
        Assert.Equal("json", signal.RawFormat);
        Assert.Equal("wechat-shop", signal.Platform);
        Assert.Equal(new WebhookReply(200, "success", "text/plain"), accepted.Reply);
    }

    [Fact]
    public void Plain_mode_vector_is_refused_because_shop_pushes_are_always_encrypted()
    {
        var rejected = Rejected(Adapter.Handle(Post(V.PlainPostQuery, V.PlainPostBody), WideWindow));

        Assert.Equal(401, rejected.StatusCode);
        Assert.Contains("safe mode", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Xml_safe_mode_vector_is_refused_because_shop_pushes_are_json_only()
    {
        var rejected = Rejected(Adapter.Handle(Post(V.SafeXmlQuery, V.SafeXmlBody), Channel(appId: V.ComponentAppId, window: TimeSpan.FromDays(3650))));

        Assert.Equal(400, rejected.StatusCode);
        Assert.Contains("JSON only", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Official_vectors_received_today_with_a_five_minute_window_are_replays()
    {
        var rejected = Rejected(Adapter.Handle(Post(V.SafeJsonQuery, V.SafeJsonBody), Channel()));

        Assert.Equal(401, rejected.StatusCode);
        Assert.Contains("replay window", rejected.Error, StringComparison.Ordinal);
        Assert.Equal(401, Rejected(Adapter.Handle(Get(V.GetQuery), Channel())).StatusCode);
    }
}
