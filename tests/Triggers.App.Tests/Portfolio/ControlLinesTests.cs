using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Triggers.App.Tests.Infrastructure;
using Triggers.Core.Signals;
using Triggers.Hosting.Processing;
using Triggers.Testing;

namespace Triggers.App.Tests.Portfolio;

/// <summary>
/// Control lines computed on demand from the real tables, kept, and re-judged after a threshold is edited in table
/// Portfolio; each crossing alerts once in the hand-off queue and once on the tenant's WeCom group robot.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ControlLinesTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Secret = "control-lines-secret-1";
    private readonly string _tenant = "t" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _channel = "rel" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _ops = "ops" + Guid.NewGuid().ToString("N")[..12];
    private TriggersAppFactory _app = null!;
    private WeComRobotStandIn _robot = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _robot = await WeComRobotStandIn.StartAsync();
        var settings = TriggersAppFactory.GenericChannel(_channel, _tenant, Secret);

        // The staff group's WeCom channel: the inbound checks' settings (the official sample's) and the robot's key.
        settings[$"Channels:{_ops}:Platform"] = "wecom";
        settings[$"Channels:{_ops}:Tenant"] = _tenant;
        settings[$"Channels:{_ops}:Token"] = "QDG6eK";
        settings[$"Channels:{_ops}:EncodingAesKey"] = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
        settings[$"Channels:{_ops}:CorpId"] = "wx5823bf96d3bd56c7";
        settings[$"Channels:{_ops}:RobotKey"] = "robot-key-0001";
        settings["Senders:WeComBaseUrl"] = _robot.BaseUrl;
        _app = new TriggersAppFactory(azurite, settings);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _robot.DisposeAsync();
    }

    [Fact]
    public async Task Douyin_carrying_three_of_four_signals_crosses_the_warning_line_until_staff_raise_it_in_the_table()
    {
        using var client = _app.CreateAdminClient();
        var before = await client.GetAsync($"/api/admin/control-lines?tenant={_tenant}", Ct);
        var processor = _app.Services.GetRequiredService<SignalProcessor>();
        var table = TestStorage.Table(azurite, "Portfolio");
        await table.CreateIfNotExistsAsync(Ct);
        await table.UpsertEntityAsync(new TableEntity(_tenant, "thresholds") { ["AlertChannel"] = _ops }, TableUpdateMode.Replace, Ct);
        var now = TimeProvider.System.GetUtcNow();
        (string Platform, string Actor, string Kind, string? Amount)[] seen = [("douyin", "b1", "order", "299.00"), ("douyin", "b2", "order", "100.50"), ("douyin", "b3", "message", null), ("wechat", "w1", "message", null)];
        for (var i = 0; i < seen.Length; i++)
        {
            var (platform, actor, kind, amount) = seen[i];
            await processor.ProcessAsync(new Signal
            {
                Id = SignalIds.Create(_tenant, _channel, "s" + i), Channel = _channel, Platform = platform, Tenant = _tenant, Kind = kind, Actor = new SignalActor(actor),
                Text = "你好", OccurredAt = now.AddHours(-i - 1), ReceivedAt = now.AddHours(-i - 1), DedupeKey = "s" + i,
                Attributes = amount is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["amount"] = amount },
            }, Ct);
        }

        await GenericWebhook.AddRuleAsync(azurite, _tenant, "spread", """{"and":[{">":[{"var":"controls.concentration.douyin"},0.4]},{"==":[{"var":"signal.platform"},"douyin"]}]}""", """[{"type":"tag","text":"invite-to-wechat"}]""", Ct);
        await Task.Delay(1500, Ct);
        var first = await (await client.PostAsync($"/api/admin/control-lines/compute?tenant={_tenant}", null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        await processor.ProcessAsync(new Signal
        {
            Id = SignalIds.Create(_tenant, _channel, "after"), Channel = _channel, Platform = "douyin", Tenant = _tenant, Kind = "message", Actor = new SignalActor("b9"),
            Text = "还有吗", OccurredAt = now, ReceivedAt = now, DedupeKey = "after",
        }, Ct);
        var spread = await client.GetFromJsonAsync<JsonElement>($"/api/admin/touchpoints?tenant={_tenant}", Ct);
        await table.UpsertEntityAsync(new TableEntity(_tenant, "thresholds") { ["Concentration"] = 0.8, ["AlertChannel"] = _ops }, TableUpdateMode.Replace, Ct);
        var second = await (await client.PostAsync($"/api/admin/control-lines/compute?tenant={_tenant}", null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var latest = await client.GetFromJsonAsync<JsonElement>($"/api/admin/control-lines?tenant={_tenant}", Ct);
        await table.UpsertEntityAsync(new TableEntity(_tenant, "thresholds") { ["Concentration"] = 0.5, ["AlertChannel"] = _ops }, TableUpdateMode.Replace, Ct);
        await client.PostAsync($"/api/admin/control-lines/compute?tenant={_tenant}", null, Ct);
        await client.PostAsync($"/api/admin/control-lines/compute?tenant={_tenant}", null, Ct);
        var alerts = (await client.GetFromJsonAsync<JsonElement>($"/api/admin/handoffs?tenant={_tenant}", Ct)).EnumerateArray().Where(h => h.GetProperty("ruleId").GetString() == "control-lines").ToList();
        await _app.Services.GetRequiredService<Triggers.Hosting.Touchpoints.TouchpointDispatcher>().DispatchOnceAsync(Ct);
        var posts = await Eventually.WaitAsync(() => Task.FromResult(_robot.Posts.ToList()), p => p.Count >= 2, TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal((0.75, 1.0), (first.GetProperty("concentration").GetProperty("douyin").GetProperty("signals").GetDouble(), first.GetProperty("concentration").GetProperty("douyin").GetProperty("revenue").GetDouble()));
        Assert.Equal(0.25, first.GetProperty("concentration").GetProperty("wechat").GetProperty("signals").GetDouble());
        var crossed = Assert.Single(first.GetProperty("crossed").EnumerateArray());
        Assert.Equal(("concentration", "douyin", 0.4), (crossed.GetProperty("line").GetString(), crossed.GetProperty("platform").GetString(), crossed.GetProperty("threshold").GetDouble()));
        Assert.Empty(second.GetProperty("crossed").EnumerateArray());
        Assert.Equal("b9", Assert.Single(spread.EnumerateArray(), t => t.GetProperty("ruleId").GetString() == "spread").GetProperty("contact").GetString());

        // Crossed (alert), cleared at 0.8 (none), crossed again at 0.5 (one more), still crossed (none): two alerts.
        Assert.Equal(2, alerts.Count);
        Assert.All(alerts, a => Assert.StartsWith("douyin carries", a.GetProperty("why").GetString(), StringComparison.Ordinal));

        // The same two on the staff group's robot, with its key, naming the tenant and what to do.
        Assert.Equal(2, posts.Count);
        Assert.All(posts, p => Assert.Equal("robot-key-0001", p.Key));
        Assert.Equal(
            [$"【控制线 control line】{_tenant}: douyin carries 75 % of signals, over the 40 % warning line: plan to spread it to wechat (25 %)",
             $"【控制线 control line】{_tenant}: douyin carries 80 % of signals, over the 50 % warning line: plan to spread it to wechat (20 %)"],
            posts.Select(p => p.Content));
        Assert.Equal("P30D", latest.GetProperty("window").GetString());
        Assert.Equal(second.GetProperty("computedAt").GetDateTimeOffset(), latest.GetProperty("computedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Two_computations_at_once_raise_one_alert_for_one_crossing()
    {
        using var client = _app.CreateAdminClient();
        var processor = _app.Services.GetRequiredService<SignalProcessor>();
        var table = TestStorage.Table(azurite, "Portfolio");
        await table.CreateIfNotExistsAsync(Ct);
        await table.UpsertEntityAsync(new TableEntity(_tenant, "thresholds") { ["AlertChannel"] = _ops }, TableUpdateMode.Replace, Ct);
        var now = TimeProvider.System.GetUtcNow();
        for (var i = 0; i < 3; i++)
        {
            await processor.ProcessAsync(new Signal
            {
                Id = SignalIds.Create(_tenant, _channel, "c" + i), Channel = _channel, Platform = "douyin", Tenant = _tenant, Kind = "message", Actor = new SignalActor("d" + i),
                Text = "你好", OccurredAt = now.AddMinutes(-i - 1), ReceivedAt = now.AddMinutes(-i - 1), DedupeKey = "c" + i,
            }, Ct);
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => client.PostAsync($"/api/admin/control-lines/compute?tenant={_tenant}", null, Ct)));
        var alerts = (await client.GetFromJsonAsync<JsonElement>($"/api/admin/handoffs?tenant={_tenant}", Ct)).EnumerateArray().Where(h => h.GetProperty("ruleId").GetString() == "control-lines").ToList();
        var robotTouches = (await client.GetFromJsonAsync<JsonElement>($"/api/admin/touchpoints?tenant={_tenant}", Ct)).EnumerateArray().Where(t => t.GetProperty("ruleId").GetString() == "control-lines").ToList();

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal("douyin carries 100 % of signals, over the 40 % warning line: plan to spread it to other platforms", Assert.Single(alerts).GetProperty("why").GetString());
        Assert.Equal(_ops, Assert.Single(robotTouches).GetProperty("channel").GetString());
    }
}
