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
}
