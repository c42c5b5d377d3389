using System.Text.Json.Nodes;
using Triggers.Platforms.Outbound;
using Triggers.Platforms.Tests.Outbound.Fake;
using Triggers.Testing;
using static Triggers.Platforms.Tests.Outbound.OutboundFixtures;
using static Triggers.Platforms.Tests.Outbound.Fake.FakePlatformServer;

namespace Triggers.Platforms.Tests.Outbound;

public sealed class WeComRobotSenderTests
{
    [Fact]
    public async Task An_alert_on_a_wecom_channel_is_posted_to_the_group_robot_without_a_token()
    {
        await using var harness = await SenderHarness.StartAsync();

        var result = await harness.SendAsync(Message(type: "alert", contact: "cust-42", text: "差评预警：订单 A123"), WeComChannel());

        Assert.Equal(new SendResult(SendOutcome.Sent, "posted to the WeCom group robot"), result);
        var post = Assert.Single(harness.Server.Requests);
        Assert.Equal(("POST", RobotPath), (post.Method, post.Path));
        Assert.Equal(new Dictionary<string, string> { ["key"] = RobotKey }, post.Query);
        JsonAssert.Equal(new JsonObject { ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = "差评预警：订单 A123" } }, post.Json);
    }

    [Fact]
    public async Task An_invalid_robot_key_is_permanent_and_names_the_setting()
    {
        await using var harness = await SenderHarness.StartAsync();
        var channel = OutboundFixtures.Channel("corp", "wecom", [("RobotKey", "not-the-key")]);

        var result = await harness.SendAsync(Message(type: "alert"), channel);

        Assert.Equal(SendOutcome.Permanent, result.Outcome);
        Assert.Contains("errcode 93000", result.Detail, StringComparison.Ordinal);
        Assert.Contains("check Channels:corp:RobotKey", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_robot_key_is_permanent_and_named_without_calling_wecom()
    {
        await using var harness = await SenderHarness.StartAsync();

        var result = await harness.SendAsync(Message(type: "alert"), WeComChannel("RobotKey"));

        Assert.Equal(SendOutcome.Permanent, result.Outcome);
        Assert.StartsWith("Channels:corp:RobotKey missing", result.Detail, StringComparison.Ordinal);
        Assert.Empty(harness.Server.Requests);
    }

    [Theory]
    [InlineData(500, null)]
    [InlineData(200, -1)]
    [InlineData(200, 45009)]
    public async Task A_busy_or_failing_robot_is_retried_later(int status, int? errcode)
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.Server.Enqueue(RobotPath, errcode is { } code ? FakeReply.Error(code, "busy") : new FakeReply(status, "oops"));

        var result = await harness.SendAsync(Message(type: "alert"), WeComChannel());

        Assert.Equal(SendOutcome.Retry, result.Outcome);
    }
}
