using Microsoft.Extensions.DependencyInjection;
using Triggers.Platforms.Generic;
using Triggers.Platforms.Outbound;
using static Triggers.Platforms.Tests.Outbound.OutboundFixtures;
using static Triggers.Platforms.Tests.Outbound.Fake.FakePlatformServer;

namespace Triggers.Platforms.Tests.Outbound;

public sealed class TouchpointSendersTests
{
    [Fact]
    public async Task A_platform_without_an_outbound_api_is_permanent_and_says_how_to_relay_it()
    {
        await using var harness = await SenderHarness.StartAsync();
        var channel = OutboundFixtures.Channel("dy", "douyin", [("ClientSecret", "x")]);

        var result = await harness.SendAsync(Message(), channel);

        Assert.Equal(
            new SendResult(SendOutcome.Permanent, "no sender for platform douyin: set Channels:dy:OutboundUrl to relay through your own system"),
            result);
        Assert.Empty(harness.Server.Requests);
    }

    [Fact]
    public async Task Any_channel_with_an_outbound_url_relays_through_the_signed_webhook()
    {
        await using var harness = await SenderHarness.StartAsync();
        var channel = OutboundFixtures.Channel("dy", "douyin", [("ClientSecret", "x"), ("Secret", HookSecret), ("OutboundUrl", harness.Server.HookUrl.AbsoluteUri)]);

        var result = await harness.SendAsync(Message(), channel);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal(HookPath, harness.Server.Requests.Single().Path);
    }

    [Fact]
    public async Task An_outbound_url_on_a_wechat_channel_wins_over_the_customer_service_api()
    {
        await using var harness = await SenderHarness.StartAsync();
        var channel = OutboundFixtures.Channel("oa", "wechat",
            [("AppId", AppId), ("AppSecret", AppSecret), ("OutboundSecret", HookSecret), ("OutboundUrl", harness.Server.HookUrl.AbsoluteUri)]);

        await harness.SendAsync(Message(), channel);

        var post = harness.Server.Requests.Single();
        Assert.Equal(HookPath, post.Path);
        Assert.True(GenericSignature.Matches(post.Header("X-Triggers-Signature")!, HookSecret, post.Header("X-Triggers-Timestamp")!, post.Body));
    }

    [Theory]
    [InlineData("wechat", "message", "WeChatCustomerService")]
    [InlineData("WeChat", "alert", "WeChatCustomerService")]
    [InlineData("wecom", "message", "WeComExternalContact")]
    [InlineData("wecom", "coupon", "WeComExternalContact")]
    [InlineData("wecom", "alert", "WeComRobot")]
    [InlineData("generic", "message", "GenericWebhook")]
    [InlineData("kuaishou", "message", "None")]
    public void The_route_follows_the_platform_and_for_wecom_the_type(string platform, string type, string route)
    {
        var channel = OutboundFixtures.Channel("c", platform, []);

        Assert.Equal(route, TouchpointSenders.Route(channel, type).ToString());
    }

    [Fact]
    public void Settings_validation_reports_what_a_send_would_refuse()
    {
        Assert.Empty(TouchpointSenders.ValidateSettings(WeChatChannel(), "message"));
        Assert.Empty(TouchpointSenders.ValidateSettings(WeComChannel(), "alert"));
        Assert.Equal(["Channels:corp:RobotKey missing: set the key from the group robot's webhook URL (…/cgi-bin/webhook/send?key=KEY) to send alerts"],
            TouchpointSenders.ValidateSettings(WeComChannel("RobotKey"), "alert"));
        Assert.Equal(["no sender for platform bilibili: set Channels:b:OutboundUrl to relay through your own system"],
            TouchpointSenders.ValidateSettings(OutboundFixtures.Channel("b", "bilibili", []), "message"));
    }

    [Fact]
    public void Only_a_group_robot_or_the_brands_own_system_may_carry_alerts_to_staff()
    {
        Assert.Null(TouchpointSenders.StaffAlertProblem(WeComChannel()));
        Assert.StartsWith("Channels:corp:RobotKey missing", TouchpointSenders.StaffAlertProblem(WeComChannel("RobotKey")), StringComparison.Ordinal);
        Assert.Equal(
            "channel oa (wechat) would send an alert to a customer: name a WeCom channel with Channels:oa:RobotKey, or a channel with Channels:oa:OutboundUrl",
            TouchpointSenders.StaffAlertProblem(WeChatChannel()));
    }

    [Fact]
    public void Unusable_endpoints_stop_construction_and_name_the_setting()
    {
        var endpoints = new OutboundEndpoints { WeChatBaseUrl = "api.weixin.qq.com", Timeout = TimeSpan.Zero };
        using var services = new ServiceCollection().AddSingleton(endpoints).AddSenderHttp().BuildServiceProvider();

        var error = Assert.Throws<ArgumentException>(() => new TouchpointSenders(services.GetRequiredService<IHttpClientFactory>(), TimeProvider.System, endpoints));

        Assert.Contains("Senders:WeChatBaseUrl must be an absolute http or https URL", error.Message, StringComparison.Ordinal);
        Assert.Contains("Senders:Timeout must be between 00:00:00.010 and 00:01:00", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_endpoint_defaults_are_the_public_platform_hosts()
    {
        var defaults = new OutboundEndpoints();

        Assert.Equal("https://api.weixin.qq.com", defaults.WeChatBaseUrl);
        Assert.Equal("https://qyapi.weixin.qq.com", defaults.WeComBaseUrl);
        Assert.Equal(TimeSpan.FromSeconds(10), defaults.Timeout);
        Assert.Equal(TimeSpan.FromMinutes(5), defaults.TokenRefreshBefore);
        Assert.Empty(defaults.Validate());
    }
}
