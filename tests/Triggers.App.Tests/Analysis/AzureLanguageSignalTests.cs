using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Triggers.Hosting.Analysis;
using Triggers.App.Tests.Infrastructure;
using Triggers.Core.Processing;
using Triggers.Testing;

namespace Triggers.App.Tests.Analysis;

[Collection(AppCollection.Name)]
public sealed class AzureLanguageSignalTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _channel = "al" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task A_signal_processed_with_azure_language_configured_is_stored_with_its_sentiment_and_source()
    {
        await using var standIn = await LanguageStandIn.StartAsync();
        var settings = TriggersAppFactory.WeChatChannel(_channel, "analysistests");
        foreach (var (key, value) in AnalysisHosts.AzureLanguage(standIn.Endpoint))
        {
            settings[key] = value;
        }

        // Until the lead wires AddTriggersAnalysis into the app, the test adds it on top (the last ITextAnalyzer wins).
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using var app = new TriggersAppFactory(azurite, settings, services => services.AddTriggersAnalysis(configuration));
        using var client = app.CreateAdminClient();
        (await client.GetAsync("/api/health", Ct)).EnsureSuccessStatusCode();
        var signal = TestSignals.Message("analysistests", _channel, "al1");

        await TestStorage.Queue(azurite, "signals").SendMessageAsync(SignalMessage.Serialize(signal), null, null, Ct);

        var signals = await Eventually.WaitAsync(
            async () => JsonDocument.Parse(await client.GetStringAsync($"/api/admin/signals?channel={_channel}&limit=5", Ct)).RootElement,
            list => list.GetArrayLength() > 0,
            TimeSpan.FromSeconds(10));
        var sentiment = Assert.Single(signals.EnumerateArray()).GetProperty("sentiment");
        Assert.Equal("azure-language", sentiment.GetProperty("source").GetString());
        Assert.Equal("positive", sentiment.GetProperty("label").GetString());
        Assert.Equal(0.90, sentiment.GetProperty("positive").GetDouble(), 12);
        Assert.Contains(signal.Text, standIn.Texts);
    }
}
