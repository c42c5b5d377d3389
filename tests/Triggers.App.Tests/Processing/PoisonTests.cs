using Microsoft.Extensions.DependencyInjection;
using Triggers.App.Tests.Infrastructure;
using Triggers.Core.Analysis;
using Triggers.Core.Processing;
using Triggers.Testing;

namespace Triggers.App.Tests.Processing;

[Collection(AppCollection.Name)]
public sealed class PoisonTests(AzuriteFixture azurite)
{
    private readonly string _channel = "px" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task A_signal_that_keeps_failing_goes_to_signals_poison_with_its_error_after_the_last_attempt()
    {
        var settings = TriggersAppFactory.WeChatChannel(_channel, "poisontests");
        settings["Processing:MaxDequeueCount"] = "2";
        await using var app = new TriggersAppFactory(azurite, settings,
            services => services.AddSingleton<ITextAnalyzer>(new FailingAnalyzer()));
        using var client = app.CreateClient();
        (await client.GetAsync("/api/health", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var signal = TestSignals.Message("poisontests", _channel, "p1");

        await TestStorage.Queue(azurite, "signals").SendMessageAsync(SignalMessage.Serialize(signal), null, null, TestContext.Current.CancellationToken);

        var poison = await TestStorage.FindPoisonAsync(azurite, m => m.Contains(_channel, StringComparison.Ordinal));
        Assert.NotNull(poison);
        Assert.Contains(FailingAnalyzer.Error, poison, StringComparison.Ordinal);
        Assert.Contains("\"dequeueCount\":2", poison, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_message_goes_to_signals_poison_at_once()
    {
        await using var app = new TriggersAppFactory(azurite, TriggersAppFactory.WeChatChannel(_channel, "poisontests"));
        using var client = app.CreateClient();
        (await client.GetAsync("/api/health", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var garbage = "not a signal " + _channel;

        await TestStorage.Queue(azurite, "signals").SendMessageAsync(garbage, null, null, TestContext.Current.CancellationToken);

        var poison = await TestStorage.FindPoisonAsync(azurite, m => m.Contains(_channel, StringComparison.Ordinal));
        Assert.NotNull(poison);
        Assert.Contains("not a valid signal", poison, StringComparison.Ordinal);
        Assert.Contains("\"dequeueCount\":1", poison, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signal_that_keeps_failing_inside_a_group_message_goes_to_poison_alone_after_the_configured_attempts_and_the_rest_of_its_group_is_processed()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = TriggersAppFactory.WeChatChannel(_channel, "poisontests");
        settings["Processing:MaxDequeueCount"] = "2";
        await using var app = new TriggersAppFactory(azurite, settings,
            services => services.AddSingleton<ITextAnalyzer>(new FailingAnalyzer(only: "坏消息")));
        using var client = app.CreateClient();
        (await client.GetAsync("/api/health", ct)).EnsureSuccessStatusCode();
        var group = Enumerable.Range(0, 6)
            .Select(i => TestSignals.Message("poisontests", _channel, $"g{i}") with { Text = i == 3 ? "坏消息 " + _channel : "你好 " + i })
            .ToList();

        var messages = SignalMessage.Pack(group);
        Assert.Single(messages);
        await TestStorage.Queue(azurite, "signals").SendMessageAsync(messages[0], null, null, ct);

        var poison = await TestStorage.FindPoisonAsync(azurite, m => m.Contains(_channel, StringComparison.Ordinal));
        Assert.NotNull(poison);
        var envelope = System.Text.Json.Nodes.JsonNode.Parse(poison)!;
        Assert.Equal(group[3].Id, (string?)envelope["message"]!["id"]);
        Assert.Equal(2, (int)envelope["dequeueCount"]!);
        Assert.Contains(FailingAnalyzer.Error, (string?)envelope["error"], StringComparison.Ordinal);
        using var admin = app.CreateAdminClient();
        var processed = await Eventually.WaitAsync(
            async () => System.Text.Json.Nodes.JsonNode.Parse(await admin.GetStringAsync($"/api/admin/signals?channel={_channel}&limit=50", ct))!.AsArray(),
            list => list.Count >= 5,
            TimeSpan.FromSeconds(10));
        Assert.Equal(
            group.Where((_, i) => i != 3).Select(s => s.Id).Order(StringComparer.Ordinal),
            processed.Select(p => (string)p!["id"]!).Order(StringComparer.Ordinal));
    }
}
