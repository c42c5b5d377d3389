using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.Console;

/// <summary>The operations console in Debian's chromium against the standalone host on Azurite-backed data.</summary>
[Collection(LongAppCollection.Name)]
public sealed class ConsolePagesTests(AzuriteFixture azurite, Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private readonly string _tenant = "c" + Guid.NewGuid().ToString("N")[..12];
    private ConsoleHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _host = ConsoleHost.Start(azurite, TriggersAppFactory.GenericChannel("web" + _tenant, _tenant, "console-secret-0001"));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private async Task<IPage> SignedInAsync(IBrowserContext context, string hash)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{_host.BaseUrl}/console#/{hash}");
        await page.Locator("#key").FillAsync(TriggersAppFactory.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "进入" }).ClickAsync();
        await page.Locator("#tenant").SelectOptionAsync(_tenant);
        return page;
    }

    /// <summary>Rules written straight into the table, in use at once (the reload route) rather than at the next refresh.</summary>
    private async Task ReloadRulesAsync()
    {
        using var admin = _host.App.CreateAdminClient();
        (await admin.PostAsync("/api/admin/rules/reload", null, Ct)).EnsureSuccessStatusCode();
    }

    /// <summary>An open hand-off in the real store, as the dispatcher writes one for a rule's handoff action.</summary>
    private async Task<Triggers.Core.Handoffs.IHandoffStore> SeedHandoffAsync()
    {
        var store = _host.App.Services.GetRequiredService<Triggers.Core.Handoffs.IHandoffStore>();
        await store.AddIfAbsentAsync(new Triggers.Core.Handoffs.Handoff
        {
            Id = "h-range", Tenant = _tenant, Channel = "web" + _tenant, Contact = "buyer-9", RuleId = "range-anxiety", Status = "open", Urgency = 0.82,
            CreatedAt = TimeProvider.System.GetUtcNow(), Why = "续航焦虑连续三次升高", SuggestedReply = "您好，周六有续航实测直播，欢迎来看",
            ContextJson = """{"urgency":{"score":0.82,"negative":0.91,"waitingMinutes":12},"lastSignals":[{"kind":"message","text":"冬天续航掉一半吧？","sentiment":"negative"}],"emotion":[{"topic":"range","intensity":0.8,"baseline":0.2,"peak":true}]}""",
        }, Ct);
        return store;
    }

    [Fact]
    public async Task A_broken_rule_written_straight_into_the_table_shows_on_the_rules_and_health_pages_with_its_error()
    {
        await GenericWebhook.AddRuleAsync(azurite, _tenant, "welcome", """{"==":[{"var":"signal.kind"},"follow"]}""", """[{"type":"message","text":"欢迎"}]""", Ct);
        await GenericWebhook.AddRuleAsync(azurite, _tenant, "typo-rule", """{"==":[{"var":"signal.kind"},"order"]""", """[{"type":"message","text":"谢谢"}]""", Ct);
        await ReloadRulesAsync();
        await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });

        var page = await SignedInAsync(context, "rules");
        var broken = page.Locator("tr[data-rule='typo-rule']");
        await Assertions.Expect(broken.Locator(".badge")).ToHaveTextAsync("有错误");
        await Assertions.Expect(broken.Locator(".problem")).ToContainTextAsync("When is not valid JSON");
        await Assertions.Expect(page.Locator("tr[data-rule='welcome'] .badge")).ToHaveTextAsync("已启用");
        await page.GetByRole(AriaRole.Link, new() { Name = "健康" }).ClickAsync();
        var problems = page.GetByTestId("health-problems");

        await Assertions.Expect(problems).ToContainTextAsync($"{_tenant} / typo-rule");
        await Assertions.Expect(problems).ToContainTextAsync("When is not valid JSON");
    }

    [Fact]
    public async Task The_console_asks_for_the_key_once_refuses_a_wrong_one_and_speaks_english_on_request()
    {
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{_host.BaseUrl}/console");
        await page.Locator("#key").FillAsync("not-the-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "进入" }).ClickAsync();
        await Assertions.Expect(page.Locator("#key-error")).ToContainTextAsync("密钥不对");

        await page.Locator("#key").FillAsync(TriggersAppFactory.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "进入" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("rules-empty")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#key-dialog")).Not.ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Rules");
        await Assertions.Expect(page.Locator("nav a[data-page='health']")).ToHaveTextAsync("Health");
    }

    [Fact]
    public async Task Every_page_is_photographed_at_desktop_and_phone_sizes()
    {
        await GenericWebhook.AddRuleAsync(azurite, _tenant, "welcome", """{"==":[{"var":"signal.kind"},"follow"]}""", """[{"type":"message","text":"欢迎"}]""", Ct);
        await GenericWebhook.AddRuleAsync(azurite, _tenant, "typo-rule", """{"==":[{"var":"signal.kind"},"order"]""", """[{"type":"message","text":"谢谢"}]""", Ct);
        await SeedHandoffAsync();
        await SeedRangePeakAsync();
        await SeedTrafficAsync();
        await SeedWalletAsync();
        using (var admin = _host.App.CreateAdminClient())
        {
            (await admin.PostAsync($"/api/admin/control-lines/compute?tenant={_tenant}", null, Ct)).EnsureSuccessStatusCode();
            (await admin.PostAsync($"/api/admin/control-lines/compute?tenant={_tenant}", null, Ct)).EnsureSuccessStatusCode();
        }

        var saved = new List<string>();
        foreach (var (size, width, height) in Screenshots.Sizes)
        {
            await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
            var page = await SignedInAsync(context, "rules");
            foreach (var name in new[] { "rules", "rule?id=range-peak-livestream", "contacts?account=generic:buyer-1", "handoffs", "portfolio", "coins?account=generic:buyer-1", "health" })
            {
                await page.GotoAsync($"{_host.BaseUrl}/console#/{name}");
                await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
                var file = name.Split('?')[0];
                if (file == "rule")
                {
                    await Assertions.Expect(page.GetByTestId("validation")).Not.ToBeEmptyAsync();
                }

                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                await Screenshots.SaveAsync(page, file, size);
                saved.Add(Path.Combine(Screenshots.Folder, $"{file}-{size}.png"));
            }
        }

        Assert.All(saved, file => Assert.True(new FileInfo(file).Length > 10_000, $"{file} is missing or blank"));
    }

    [Fact]
    public async Task A_hand_off_is_claimed_and_closed_from_its_card_and_the_queue_names_who_did_it()
    {
        var store = await SeedHandoffAsync();
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await SignedInAsync(context, "handoffs");
        var card = page.Locator("[data-handoff='h-range']");
        await Assertions.Expect(card).ToContainTextAsync("续航焦虑连续三次升高");
        await Assertions.Expect(card).ToContainTextAsync("冬天续航掉一半吧？");
        await Assertions.Expect(card.Locator(".peak")).ToContainTextAsync("range");

        await card.GetByRole(AriaRole.Textbox).FillAsync("小王");
        await card.GetByRole(AriaRole.Button, new() { Name = "认领" }).ClickAsync();
        await Assertions.Expect(card.Locator("[role=status]")).ToContainTextAsync("已认领");
        await page.GetByRole(AriaRole.Link, new() { Name = "处理中" }).ClickAsync();
        var claimed = page.Locator("[data-handoff='h-range']");
        await Assertions.Expect(claimed).ToContainTextAsync("admin:小王");
        await claimed.GetByRole(AriaRole.Textbox).FillAsync("已邀请参加直播");
        await claimed.GetByRole(AriaRole.Button, new() { Name = "关闭" }).ClickAsync();
        await Assertions.Expect(claimed.Locator("[role=status]")).ToContainTextAsync("已关闭");
        await page.GetByRole(AriaRole.Link, new() { Name = "已关闭" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-handoff='h-range']")).ToContainTextAsync("关闭人 admin:小王 · 已邀请参加直播");
        var stored = await store.GetAsync(_tenant, "h-range", Ct);
        Assert.Equal(("closed", "admin:小王", "admin:小王"), (stored!.Status, stored.ClaimedBy, stored.ClosedBy));
    }

    /// <summary>Signed webhooks from one buyer: a greeting, then a range complaint whose emotion peak fires an invitation.</summary>
    private async Task SeedRangePeakAsync()
    {
        var rules = TestStorage.Table(azurite, "Rules");
        await rules.CreateIfNotExistsAsync(Ct);
        await rules.UpsertEntityAsync(new TableEntity(_tenant, "range-peak-livestream")
        {
            ["Enabled"] = true, ["Priority"] = 10, ["When"] = """{"==":[{"var":"emotion.range_anxiety.peak"},true]}""",
            ["Then"] = """[{"type":"invite","text":"周六续航实测直播，欢迎来看","delay":"PT30M"}]""",
        }, TableUpdateMode.Replace, Ct);
        await ReloadRulesAsync();
        using var client = _host.App.CreateAdminClient();
        var now = TimeProvider.System.GetUtcNow();
        (string Id, string Text, int MinutesAgo)[] said = [("g-1", "你好，想了解一下这款车", 90), ("g-2", "续航太差了但是颜值很高", 30)];
        foreach (var (id, text, minutesAgo) in said)
        {
            var body = new System.Text.Json.Nodes.JsonObject
            {
                ["id"] = id, ["kind"] = "message", ["actor"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "buyer-1" }, ["text"] = text,
                ["occurredAt"] = now.AddMinutes(-minutesAgo).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            };
            Assert.True((await GenericWebhook.PostAsync(client, "web" + _tenant, "console-secret-0001", body.ToJsonString(), Ct)).IsSuccessStatusCode);
        }

        var planned = await Eventually.WaitAsync(
            () => client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/admin/touchpoints?tenant={_tenant}", Ct), t => t.GetArrayLength() > 0, TimeSpan.FromSeconds(20));
        Assert.Equal("range-peak-livestream", Assert.Single(planned.EnumerateArray()).GetProperty("ruleId").GetString());
    }

    [Fact]
    public async Task A_contacts_emotion_chart_marks_the_range_peak_and_leads_to_the_invitation_it_set_off_with_its_why()
    {
        await SeedRangePeakAsync();
        await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
        var page = await SignedInAsync(context, "contacts");
        await page.GetByRole(AriaRole.Searchbox).FillAsync("generic:buyer-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("emotion-chart").Locator("canvas")).ToHaveCountAsync(1);
        var series = await page.EvaluateAsync<int>("() => echarts.getInstanceByDom(document.querySelector('[data-testid=emotion-chart]')).getOption().series.length");
        var peak = page.GetByTestId("peaks").Locator("li").Filter(new() { HasText = "range_anxiety" });
        await Assertions.Expect(peak).ToHaveCountAsync(1);
        await peak.GetByRole(AriaRole.Button, new() { Name = "invite · range-peak-livestream" }).ClickAsync();
        var invitation = page.Locator(".timeline .item.highlight");

        await Assertions.Expect(invitation).ToContainTextAsync("invite");
        await Assertions.Expect(invitation).ToContainTextAsync("range-peak-livestream");
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("续航太差了");
        Assert.True(series >= 2, $"{series} series: each topic has its intensity and its baseline");
    }

    /// <summary>Three Douyin signals and one WeChat signal of the tenant, decided by the real processor.</summary>
    private async Task SeedTrafficAsync()
    {
        var processor = _host.App.Services.GetRequiredService<Triggers.Hosting.Processing.SignalProcessor>();
        var now = TimeProvider.System.GetUtcNow();
        (string Platform, string Actor)[] seen = [("douyin", "d1"), ("douyin", "d2"), ("douyin", "d3"), ("wechat", "w1")];
        for (var i = 0; i < seen.Length; i++)
        {
            await processor.ProcessAsync(new Triggers.Core.Signals.Signal
            {
                Id = Triggers.Core.Signals.SignalIds.Create(_tenant, "web" + _tenant, "p" + i), Channel = "web" + _tenant, Platform = seen[i].Platform, Tenant = _tenant,
                Kind = "message", Actor = new Triggers.Core.Signals.SignalActor(seen[i].Actor), Text = "你好", OccurredAt = now.AddHours(-i - 1), ReceivedAt = now.AddHours(-i - 1), DedupeKey = "p" + i,
            }, Ct);
        }
    }

    [Fact]
    public async Task The_portfolio_page_computes_the_control_lines_on_request_and_marks_douyins_share_over_the_warning_line()
    {
        await SeedTrafficAsync();
        await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
        var page = await SignedInAsync(context, "portfolio");
        await Assertions.Expect(page.GetByTestId("lines-empty")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "立即计算" }).ClickAsync();
        var douyin = page.Locator("[data-testid=lines] tr[data-platform=douyin]");

        await Assertions.Expect(douyin.Locator("td.crossed")).ToHaveTextAsync("75.0%");
        await Assertions.Expect(page.Locator("[data-testid=lines] tr[data-platform=wechat]")).ToContainTextAsync("25.0%");
        await Assertions.Expect(page.GetByTestId("crossed")).ToContainTextAsync("预警线 douyin：75.0%，控制线 40.0%");
        await Assertions.Expect(page.GetByTestId("funnel")).ToContainTextAsync("价值");
    }

    /// <summary>A reward of the tenant in table Rewards, and 500 coins deposited for buyer-1 through the admin API.</summary>
    private async Task SeedWalletAsync()
    {
        var rewards = TestStorage.Table(azurite, "Rewards");
        await rewards.CreateIfNotExistsAsync(Ct);
        await rewards.UpsertEntityAsync(new TableEntity(_tenant, "test-drive-mug") { ["Cost"] = 200L, ["Stock"] = 5L, ["Title"] = "试驾纪念杯" }, TableUpdateMode.Replace, Ct);
        await Task.Delay(1500, Ct);
        using var admin = _host.App.CreateAdminClient();
        var deposit = await admin.PostAsJsonAsync($"/api/admin/contacts/generic:buyer-1/coins/deposit?tenant={_tenant}", new { amount = 500, reason = "连续打卡 7 天", idempotencyKey = "seed-500" }, Ct);
        deposit.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_redemption_whose_answer_was_lost_is_retried_with_the_same_key_and_spends_the_coins_once()
    {
        await SeedWalletAsync();
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await SignedInAsync(context, "coins?account=generic:buyer-1");
        await Assertions.Expect(page.GetByTestId("balance")).ToHaveTextAsync("500");
        await Assertions.Expect(page.Locator("[data-reward='test-drive-mug']")).ToContainTextAsync("试驾纪念杯");
        var keys = new List<string>();
        var lost = true;
        await page.RouteAsync("**/coins/redeem*", async route =>
        {
            keys.Add(JsonDocument.Parse(route.Request.PostData!).RootElement.GetProperty("idempotencyKey").GetString()!);
            if (lost)
            {
                // The bank applies the redemption, but its answer never reaches the browser.
                lost = false;
                await route.FetchAsync();
                await route.AbortAsync();
                return;
            }

            await route.ContinueAsync();
        });

        await page.GetByTestId("redeem").GetByRole(AriaRole.Button, new() { Name = "兑换" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("coins-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("fetch", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        await page.GetByTestId("redeem").GetByRole(AriaRole.Button, new() { Name = "兑换" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("coins-status")).ToHaveTextAsync("已兑换 test-drive-mug，余额 300。");
        await Assertions.Expect(page.GetByTestId("balance")).ToHaveTextAsync("300");

        Assert.Equal(2, keys.Count);
        Assert.Equal(keys[0], keys[1]);
        using var admin = _host.App.CreateAdminClient();
        var wallet = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/contacts/generic:buyer-1/coins?tenant={_tenant}", Ct);
        Assert.Equal(300, wallet.GetProperty("balance").GetInt64());
        Assert.Single(wallet.GetProperty("entries").EnumerateArray(), e => e.GetProperty("kind").GetString() == "withdrawal");
        var rewards = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/rewards?tenant={_tenant}", Ct);
        Assert.Equal(4, rewards.GetProperty("rewards")[0].GetProperty("remaining").GetInt64());
    }

    [Fact]
    public async Task The_json_view_names_where_the_json_breaks_and_the_apis_problem_and_keeps_a_condition_beyond_the_builder()
    {
        const string Beyond = """{"or":[{"==":[{"var":"signal.kind"},"follow"]},{">":[{"var":"room.price.negative"},5]}]}""";
        await GenericWebhook.AddRuleAsync(azurite, _tenant, "follow-or-price", Beyond, """[{"type":"tag","text":"watch"}]""", Ct);
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await SignedInAsync(context, "rule?id=follow-or-price");
        await Assertions.Expect(page.GetByTestId("conditions")).ToContainTextAsync("超出了可视化编辑器");
        await Assertions.Expect(page.GetByTestId("validation")).ToHaveTextAsync("✓ 规则可以运行。");
        await page.GetByRole(AriaRole.Tab, new() { Name = "JSON" }).ClickAsync();
        var json = page.GetByTestId("rule-json");

        await json.FillAsync("{\n  \"when\": {\"==\": [1, 1]},\n  \"then\": [{\"type\": \"message\",, }]\n}");
        await Assertions.Expect(page.GetByTestId("json-error")).ToContainTextAsync("第 3 行第 31 列");
        await json.FillAsync("""{"when": {"==": [1, 1]}, "then": [{"type": "teleport"}]}""");
        await Assertions.Expect(page.GetByTestId("json-error")).ToBeEmptyAsync();
        await Assertions.Expect(page.GetByTestId("validation")).ToContainTextAsync("Then[0].type \"teleport\" is not an action type");
        await json.FillAsync($$"""{"when": {{Beyond}}, "then": [{"type": "tag", "text": "watch"}]}""");
        await page.GetByRole(AriaRole.Tab, new() { Name = "可视化" }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "JSON" }).ClickAsync();

        var kept = System.Text.Json.Nodes.JsonNode.Parse(await json.InputValueAsync())!["when"];
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(Beyond), kept), $"the builder changed the condition to {kept?.ToJsonString()}");
        await Assertions.Expect(page.GetByTestId("validation")).ToHaveTextAsync("✓ 规则可以运行。");
    }

    [Fact]
    public async Task A_poison_message_shows_on_health_with_its_error_and_is_requeued_from_there()
    {
        await TestStorage.Queue(azurite, "signals-poison").ClearMessagesAsync(Ct);
        var signal = TestSignals.Message(_tenant, "web" + _tenant, "poisoned-1") with { Platform = "generic" };
        await _host.App.Services.GetRequiredService<Triggers.Hosting.Processing.PoisonQueue>()
            .SendAsync("signals-poison", Triggers.Core.Processing.SignalMessage.Serialize(signal), "Table Signals was unreachable (503)", 5, Ct);
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await SignedInAsync(context, "health");
        var row = page.Locator("[data-poison='signals-poison'] tr[data-message]");
        await Assertions.Expect(row).ToContainTextAsync("Table Signals was unreachable (503)");
        await Assertions.Expect(row).ToContainTextAsync(_tenant);

        await row.GetByRole(AriaRole.Button, new() { Name = "重新入队" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("requeue-status")).ToHaveTextAsync("已重新入队 1 条。");
        using var admin = _host.App.CreateAdminClient();
        var stored = await Eventually.WaitAsync(
            () => admin.GetFromJsonAsync<JsonElement>($"/api/admin/signals?channel=web{_tenant}", Ct), s => s.GetArrayLength() == 1, TimeSpan.FromSeconds(20));
        Assert.Equal(signal.Id, stored[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_builder_reads_back_what_it_writes_keeps_delays_it_cannot_show_and_writes_no_condition_as_true()
    {
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await SignedInAsync(context, "rules");

        var roundTrips = await page.EvaluateAsync<bool[]>("""
            () => [
              [{ shape: 'peak', value: 'range_anxiety' }, { shape: 'trust', op: '>=', value: 60 }],
              [{ shape: 'control', line: 'innovation', platform: '', op: '>', value: 0.2 }],
              [{ shape: 'control', line: 'roi', platform: 'douyin', op: '<', value: 1.5 }],
              [{ shape: 'keyword', value: '试驾' }, { shape: 'kind', value: 'comment' }, { shape: 'platform', value: 'bilibili' }],
            ].map(clauses => JSON.stringify(RuleBuilder.readWhen(RuleBuilder.writeWhen(clauses))) === JSON.stringify(clauses))
            """);
        var none = await page.EvaluateAsync<string>("() => JSON.stringify([RuleBuilder.writeWhen([]), RuleBuilder.readWhen(true)])");
        var durations = await page.EvaluateAsync<string[]>("() => [RuleBuilder.iso(30), RuleBuilder.iso(90), RuleBuilder.iso(0.25), RuleBuilder.iso(2880), String(RuleBuilder.minutes('P1M'))]");
        var window = await page.EvaluateAsync<double[]>("() => { const w = RuleBuilder.windowOf({ delay: 'PT2H', slack: 0.25 }); return [w.from, w.to]; }");
        var missing = await page.EvaluateAsync<string[]>("() => [{ shape: 'keyword', value: ' ' }, { shape: 'coins', op: '>=', value: null }, { shape: 'kind', value: 'message' }].map(c => String(RuleBuilder.missing(c)))");

        Assert.All(roundTrips, Assert.True);
        Assert.Equal("[true,[]]", none);
        Assert.Equal(["PT30M", "PT1H30M", "PT15S", "P2D", "null"], durations);
        Assert.Equal([120.0, 150.0], window);
        Assert.Equal(["value", "number", "null"], missing);
    }

    [Fact]
    public async Task Changing_only_the_slack_of_a_delay_the_builder_cannot_show_keeps_the_delay_as_written()
    {
        await GenericWebhook.AddRuleAsync(azurite, _tenant, "monthly", """{"==":[{"var":"signal.kind"},"order"]}""", """[{"type":"message","text":"满月回访","delay":"P1M","slack":0.1}]""", Ct);
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await SignedInAsync(context, "rule?id=monthly");
        var action = page.Locator("[data-action='0']");
        await Assertions.Expect(action.GetByLabel("延迟", new() { Exact = true })).ToBeDisabledAsync();

        await action.GetByLabel("人情留白（延迟的百分比）").FillAsync("20");
        await page.GetByRole(AriaRole.Tab, new() { Name = "JSON" }).ClickAsync();

        var then = System.Text.Json.Nodes.JsonNode.Parse(await page.GetByTestId("rule-json").InputValueAsync())!["then"]![0]!;
        Assert.Equal(("P1M", 0.2), ((string?)then["delay"], (double?)then["slack"]));
    }
}
