using System.Text;
using Triggers.Core.Signals;
using static Triggers.Platforms.Tests.WeChat.WeChatFixtures;
using V = Triggers.Platforms.Tests.WeChat.OfficialVectors;

namespace Triggers.Platforms.Tests.WeChat;

/// <summary>platforms.md §1.7 through the adapter: every expected value is quoted from the official pages.</summary>
public sealed class WeChatOfficialVectorTests
{
    [Fact]
    public void Url_verification_vector_echoes_echostr_unchanged()
    {
        var outcome = Adapter.Handle(Request("GET", Query(V.GetQuery), "", Now), Channel(V.Token, window: TenYears));

        var challenge = Assert.IsType<WebhookChallenge>(outcome);
        Assert.Equal("4375120948345356249", challenge.Body);
        Assert.Equal("text/plain", challenge.ContentType);
    }

    [Fact]
    public void Plain_post_vector_becomes_one_debug_demo_event_signal()
    {
        var outcome = Adapter.Handle(Post(V.PlainPostQuery, V.PlainPostBody), Channel(V.Token, window: TenYears));

        var accepted = Accepted(outcome);
        Assert.Equal(new WebhookReply(200, "success", "text/plain"), accepted.Reply);
        var signal = Assert.Single(accepted.Signals);
        Assert.Equal(SignalKinds.Event, signal.Kind);
        Assert.Equal("event/debug_demo", signal.Type);
        Assert.Equal("o9AgO5Kd5ggOC-bXrbNODIiE3bGY", signal.Actor.Id);
        Assert.Equal(new DateTimeOffset(2024, 4, 25, 9, 24, 19, TimeSpan.Zero), signal.OccurredAt);
        Assert.Equal(Now, signal.ReceivedAt);
        Assert.Equal("o9AgO5Kd5ggOC-bXrbNODIiE3bGY:1714037059:debug_demo", signal.DedupeKey);
        Assert.Equal(V.PlainPostBody, signal.Raw);
        Assert.Equal("json", signal.RawFormat);
        Assert.Equal("gh_97417a04a28d", signal.Attributes["ToUserName"]);
        Assert.Equal("debug_demo", signal.Attributes["Event"]);
        Assert.Equal(("wechat", "demo", "acme"), (signal.Platform, signal.Channel, signal.Tenant));
    }

    [Fact]
    public void Safe_mode_json_vector_decrypts_to_the_documented_message()
    {
        var outcome = Adapter.Handle(Post(V.SafeJsonQuery, V.SafeJsonBody), Channel(V.Token, V.EncodingAesKey, V.AppId, TenYears));

        var signal = Assert.Single(Accepted(outcome).Signals);
        Assert.Equal(V.SafeJsonMessage, signal.Raw);
        Assert.Equal("json", signal.RawFormat);
        Assert.Equal("event/debug_demo", signal.Type);
        Assert.Equal(new DateTimeOffset(2024, 4, 26, 6, 20, 45, TimeSpan.Zero), signal.OccurredAt);
    }

    [Fact]
    public void Third_party_xml_vector_decrypts_for_the_component_app_id()
    {
        var outcome = Adapter.Handle(Post(V.SafeXmlQuery, V.SafeXmlBody), Channel(V.Token, V.EncodingAesKey, V.ComponentAppId, TenYears));

        var signal = Assert.Single(Accepted(outcome).Signals);
        Assert.Equal(V.SafeXmlMessage, signal.Raw);
        Assert.Equal(292, Encoding.UTF8.GetByteCount(signal.Raw!));
        Assert.Equal("xml", signal.RawFormat);
        Assert.Equal(SignalKinds.Event, signal.Kind);
        Assert.Equal("event/debug_demo", signal.Type);
        Assert.Equal("o9AgO5Kd5ggOC-bXrbNODIiE3bGY", signal.Actor.Id);
        Assert.Equal(new DateTimeOffset(2024, 5, 17, 10, 55, 29, TimeSpan.Zero), signal.OccurredAt);
    }

    [Fact]
    public void Third_party_xml_vector_with_the_authorizer_app_id_is_forbidden_without_leaking_secrets()
    {
        var outcome = Adapter.Handle(Post(V.SafeXmlQuery, V.SafeXmlBody), Channel(V.Token, V.EncodingAesKey, V.AppId, TenYears));

        var rejected = Rejected(outcome);
        Assert.Equal(403, rejected.StatusCode);
        Assert.Contains("wx134c8103faa5a59e", rejected.Error, StringComparison.Ordinal);
        Assert.Contains("Channels:demo:AppId", rejected.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(V.AppId, rejected.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("AAAAA", rejected.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", V.GetQuery, "")]
    [InlineData("POST", V.PlainPostQuery, V.PlainPostBody)]
    [InlineData("POST", V.SafeJsonQuery, V.SafeJsonBody)]
    [InlineData("POST", V.SafeXmlQuery, V.SafeXmlBody)]
    public void Official_vectors_received_today_with_a_five_minute_window_are_replays(string method, string query, string body)
    {
        var channel = Channel(V.Token, query.Contains("aes", StringComparison.Ordinal) ? V.EncodingAesKey : null,
            query == V.SafeXmlQuery ? V.ComponentAppId : V.AppId, FiveMinutes);

        var rejected = Rejected(Adapter.Handle(Request(method, Query(query), body, Now), channel));

        Assert.Equal(401, rejected.StatusCode);
        Assert.Contains("outside the replay window of 00:05:00", rejected.Error, StringComparison.Ordinal);
        Assert.Contains("Webhooks:ReplayWindow", rejected.Error, StringComparison.Ordinal);
    }
}
