using Azure.Data.Tables;
using Microsoft.Playwright;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.Console;

/// <summary>The operations console in Debian's chromium against the standalone host on Azurite-backed data.</summary>
[Collection(AppCollection.Name)]
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

    [Fact]
    public async Task A_broken_rule_written_straight_into_the_table_shows_on_the_rules_and_health_pages_with_its_error()
    {
        await GenericWebhook.AddRuleAsync(azurite, _tenant, "welcome", """{"==":[{"var":"signal.kind"},"follow"]}""", """[{"type":"message","text":"欢迎"}]""", Ct);
        await GenericWebhook.AddRuleAsync(azurite, _tenant, "typo-rule", """{"==":[{"var":"signal.kind"},"order"]""", """[{"type":"message","text":"谢谢"}]""", Ct);
        await Task.Delay(1500, Ct);
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
        await Task.Delay(1500, Ct);
        var saved = new List<string>();
        foreach (var (size, width, height) in Screenshots.Sizes)
        {
            await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
            var page = await SignedInAsync(context, "rules");
            foreach (var name in new[] { "rules", "health" })
            {
                await page.GotoAsync($"{_host.BaseUrl}/console#/{name}");
                await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
                await Screenshots.SaveAsync(page, name, size);
                saved.Add(Path.Combine(Screenshots.Folder, $"{name}-{size}.png"));
            }
        }

        Assert.All(saved, file => Assert.True(new FileInfo(file).Length > 10_000, $"{file} is missing or blank"));
    }
}
