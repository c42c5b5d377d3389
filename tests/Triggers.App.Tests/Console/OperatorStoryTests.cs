using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.Console;

/// <summary>
/// The operator's story of issue 16 in one run of Debian's chromium against the standalone host on Azurite: a rule built
/// with the visual builder, simulated over recorded signals (one touch stopped by a guardrail), enabled, fired by a signed
/// webhook, traced on the contact's timeline and emotion chart, and its hand-off claimed and closed.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OperatorStoryTests(AzuriteFixture azurite, Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private const string Secret = "story-secret-000001";
    private const string RuleId = "range-peak-invite";
    private readonly string _tenant = "s" + Guid.NewGuid().ToString("N")[..12];
    private ConsoleHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Channel => "web" + _tenant;

    public ValueTask InitializeAsync()
    {
        var settings = TriggersAppFactory.GenericChannel(Channel, _tenant, Secret);
        settings["Dispatch:Interval"] = "00:00:01";
        _host = ConsoleHost.Start(azurite, settings);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    /// <summary>What a buyer said, as signed webhooks from the brand's site, minutes apart in the past.</summary>
    private async Task SayAsync(HttpClient client, string buyer, params (string Id, string Text, int MinutesAgo)[] said)
    {
        var now = TimeProvider.System.GetUtcNow();
        foreach (var (id, text, minutesAgo) in said)
        {
            var body = new JsonObject
            {
                ["id"] = id, ["kind"] = "message", ["actor"] = new JsonObject { ["id"] = buyer }, ["text"] = text,
                ["occurredAt"] = now.AddMinutes(-minutesAgo).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            };
            var response = await GenericWebhook.PostAsync(client, Channel, Secret, body.ToJsonString(), Ct);
            Assert.True(response.IsSuccessStatusCode, $"webhook {id} answered {response.StatusCode}");
        }
    }

    [Fact]
    public async Task An_operator_builds_simulates_and_enables_a_rule_then_follows_a_webhook_to_its_touchpoint_peak_and_hand_off()
    {
        using var api = _host.App.CreateAdminClient();

        // Recorded before the rule exists: buyer-1 asks, then worries about range; buyer-2 unsubscribes, then worries too.
        await SayAsync(api, "buyer-1", ("r-1", "你好，想了解一下这款车", 120), ("r-2", "续航太差了但是颜值很高", 100));
        await SayAsync(api, "buyer-2", ("r-3", "退订", 90), ("r-4", "续航太差了但是颜值很高", 80));
        await Eventually.WaitAsync(
            () => api.GetFromJsonAsync<JsonElement>($"/api/admin/signals?channel={Channel}", Ct), s => s.GetArrayLength() == 4, TimeSpan.FromSeconds(20));

        await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{_host.BaseUrl}/console#/rules");
        await page.Locator("#key").FillAsync(TriggersAppFactory.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "进入" }).ClickAsync();
        await page.Locator("#tenant").SelectOptionAsync(_tenant);

        // 1. Build the rule with the visual builder: a range-anxiety peak → a livestream invitation in 30 minutes, and a hand-off.
        await page.GetByTestId("new-rule").ClickAsync();
        await page.GetByLabel("规则 ID").FillAsync(RuleId);
        await page.GetByLabel("说明").FillAsync("续航焦虑峰值：邀请看续航实测直播，并请顾问跟进");
        await page.Locator(".clause").GetByLabel("条件", new() { Exact = true }).SelectOptionAsync("peak");
        await page.Locator(".clause").GetByLabel("情绪峰值").FillAsync("range_anxiety");
        var invite = page.Locator("[data-action='0']");
        await invite.GetByLabel("动作", new() { Exact = true }).SelectOptionAsync("invite");
        await invite.GetByLabel("内容").FillAsync("周六续航实测直播，欢迎来看");
        await invite.GetByLabel("延迟", new() { Exact = true }).FillAsync("30");
        await Assertions.Expect(invite.GetByTestId("window")).ToHaveTextAsync("发送时间：信号后 30 分钟 至 33 分钟 之间");
        await page.GetByRole(AriaRole.Button, new() { Name = "+ 添加动作" }).ClickAsync();
        var handoff = page.Locator("[data-action='1']");
        await handoff.GetByLabel("动作", new() { Exact = true }).SelectOptionAsync("handoff");
        await handoff.GetByLabel("内容").FillAsync("续航焦虑，请顾问跟进");
        await handoff.GetByLabel("延迟", new() { Exact = true }).FillAsync("0");
        await Assertions.Expect(handoff.GetByTestId("window")).ToHaveTextAsync("立即发送（没有延迟，也就没有留白）");
        await Assertions.Expect(page.GetByTestId("validation")).ToHaveTextAsync("✓ 规则可以运行。");
        await page.GetByRole(AriaRole.Tab, new() { Name = "JSON" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("rule-json")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("emotion\\.range_anxiety\\.peak"));
        await page.GetByRole(AriaRole.Tab, new() { Name = "可视化" }).ClickAsync();

        // 2. Simulate over the recorded signals: buyer-1's invitation would go out; buyer-2's is stopped by consent.
        await page.GetByRole(AriaRole.Button, new() { Name = "开始模拟" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("simulation-summary")).ToHaveTextAsync("4 条信号中匹配 2 条：3 次触达会发出，1 次被护栏拦下。");
        await Assertions.Expect(page.GetByTestId("simulation-progress")).ToHaveTextAsync("已判断 4 / 4 条信号…");
        var stopped = page.GetByTestId("simulation").Locator("tr.stopped");
        await Assertions.Expect(stopped).ToHaveCountAsync(1);
        await Assertions.Expect(stopped).ToContainTextAsync("buyer-2");
        await Assertions.Expect(stopped).ToContainTextAsync("consent");
        await Assertions.Expect(stopped).ToContainTextAsync("邀请");
        await Assertions.Expect(page.GetByTestId("simulation").Locator("tbody tr").Filter(new() { HasText = "buyer-1" }).Filter(new() { HasText = "邀请" })).ToContainTextAsync("会发出");

        // 3. Save (disabled), then enable; the history shows the change with its author and the diff.
        await page.GetByLabel("你的名字").First.FillAsync("小王");
        await page.GetByLabel("你的名字").First.DispatchEventAsync("change");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("save-status")).ToHaveTextAsync($"已保存 {RuleId}。");
        await Assertions.Expect(page.GetByTestId("rule-status")).ToHaveTextAsync("未启用");
        await page.GetByRole(AriaRole.Button, new() { Name = "启用" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("rule-status")).ToHaveTextAsync("已启用");
        var history = page.GetByTestId("history");
        await Assertions.Expect(history.Locator("li")).ToContainTextAsync("admin:小王");
        await history.GetByRole(AriaRole.Button, new() { Name = "与之后的版本比较" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("diff").Locator(".removed")).ToContainTextAsync("\"enabled\": false");
        await Assertions.Expect(page.GetByTestId("diff").Locator(".added")).ToContainTextAsync("\"enabled\": true");

        // 4. A signed webhook arrives: buyer-3's range complaint.
        await SayAsync(api, "buyer-3", ("l-1", "你好，这款车怎么样", 3), ("l-2", "续航太差了但是颜值很高", 1));
        await Eventually.WaitAsync(
            () => api.GetFromJsonAsync<JsonElement>($"/api/admin/touchpoints?tenant={_tenant}", Ct),
            t => t.EnumerateArray().Any(tp => tp.GetProperty("contact").GetString() == "buyer-3" && tp.GetProperty("type").GetString() == "invite"),
            TimeSpan.FromSeconds(20));

        // 5. The invitation is on buyer-3's timeline with its why, and the emotion chart's peak leads to it.
        await page.GotoAsync($"{_host.BaseUrl}/console#/contacts?account=generic:buyer-3");
        var invitation = page.GetByTestId("timeline").Locator(".item[id^='tp-']").Filter(new() { HasText = "invite · " });
        await Assertions.Expect(invitation).ToHaveCountAsync(1);
        await Assertions.Expect(invitation.Locator(".why")).ToContainTextAsync(RuleId);
        await Assertions.Expect(page.GetByTestId("emotion-chart").Locator("canvas")).ToHaveCountAsync(1);
        var peak = page.GetByTestId("peaks").Locator("li").Filter(new() { HasText = "range_anxiety" });
        await Assertions.Expect(peak).ToHaveCountAsync(1);
        await peak.GetByRole(AriaRole.Button, new() { Name = $"invite · {RuleId}" }).ClickAsync();
        await Assertions.Expect(page.Locator(".timeline .item.highlight")).ToContainTextAsync("invite");

        // 6. The hand-off the rule queued is claimed (pending automation steps aside) and closed.
        await Eventually.WaitAsync(
            () => api.GetFromJsonAsync<JsonElement>($"/api/admin/handoffs?tenant={_tenant}", Ct),
            h => h.EnumerateArray().Any(x => x.GetProperty("contact").GetString() == "buyer-3"),
            TimeSpan.FromSeconds(20));
        await page.GotoAsync($"{_host.BaseUrl}/console#/handoffs");
        var card = page.Locator("[data-handoff]").Filter(new() { HasText = "buyer-3" });
        await Assertions.Expect(card).ToContainTextAsync("续航焦虑，请顾问跟进");
        await card.GetByRole(AriaRole.Textbox).FillAsync("小王");
        await card.GetByRole(AriaRole.Button, new() { Name = "认领" }).ClickAsync();
        await Assertions.Expect(card.Locator("[role=status]")).ToHaveTextAsync("已认领：1 条待发的自动触达已让路。");
        await page.GetByRole(AriaRole.Link, new() { Name = "处理中" }).ClickAsync();
        var claimed = page.Locator("[data-handoff]").Filter(new() { HasText = "buyer-3" });
        await claimed.GetByRole(AriaRole.Textbox).FillAsync("已邀请参加周六直播");
        await claimed.GetByRole(AriaRole.Button, new() { Name = "关闭" }).ClickAsync();
        await Assertions.Expect(claimed.Locator("[role=status]")).ToContainTextAsync("已关闭");

        var closed = (await api.GetFromJsonAsync<JsonElement>($"/api/admin/handoffs?tenant={_tenant}&status=closed", Ct)).EnumerateArray().Single(h => h.GetProperty("contact").GetString() == "buyer-3");
        Assert.Equal(("admin:小王", "admin:小王"), (closed.GetProperty("claimedBy").GetString(), closed.GetProperty("closedBy").GetString()));
    }
}

