using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Triggers.Core.Analysis;
using Triggers.Testing;

namespace Triggers.App.Tests.Analysis;

public sealed class AzureLanguageProviderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_azure_language_configured_the_service_analyses_the_text_and_the_source_says_azure_language()
    {
        await using var standIn = await LanguageStandIn.StartAsync();
        using var host = AnalysisHosts.Build(AnalysisHosts.AzureLanguage(standIn.Endpoint));
        await host.StartAsync(Ct);

        var analysis = await host.Services.GetRequiredService<ITextAnalyzer>().AnalyzeAsync("续航很好", null, Ct);

        Assert.Equal(("positive", "azure-language"), (analysis.Label, analysis.Source));
        Assert.Equal(0.90, analysis.Scores.Positive, 12);
        Assert.Equal(["续航很好"], standIn.Texts);
    }

    [Fact]
    public async Task When_the_service_is_down_the_embedded_analyser_answers_and_the_source_says_why()
    {
        using var host = AnalysisHosts.Build(AnalysisHosts.AzureLanguage(ClosedPort()));
        await host.StartAsync(Ct);

        var analysis = await host.Services.GetRequiredService<ITextAnalyzer>().AnalyzeAsync("续航太差了", null, Ct);

        Assert.StartsWith("embedded (fallback: azure-language unavailable: ", analysis.Source, StringComparison.Ordinal);
        Assert.Equal("negative", analysis.Label);
    }

    [Fact]
    public async Task When_the_service_does_not_answer_in_time_the_embedded_analyser_answers_after_the_timeout()
    {
        await using var standIn = await LanguageStandIn.StartAsync();
        standIn.Hang = true;
        using var host = AnalysisHosts.Build(AnalysisHosts.AzureLanguage(standIn.Endpoint, timeout: "00:00:00.300"));
        await host.StartAsync(Ct);
        var clock = Stopwatch.StartNew();

        var analysis = await host.Services.GetRequiredService<ITextAnalyzer>().AnalyzeAsync("很好", null, Ct);

        Assert.Equal("embedded (fallback: azure-language unavailable: no answer within 00:00:00.3000000)", analysis.Source);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task After_an_outage_the_service_is_left_alone_for_the_cooldown_and_asked_again_after_it()
    {
        await using var standIn = await LanguageStandIn.StartAsync();
        standIn.Hang = true;
        var clock = new SteppedClock(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));
        // Long enough that the call after the cooldown is answered in time on a loaded machine, short enough to keep the test quick.
        var settings = AnalysisHosts.AzureLanguage(standIn.Endpoint, timeout: "00:00:01");
        settings["Analysis:AzureLanguage:OutageCooldown"] = "00:01:00";
        using var host = AnalysisHosts.Build(settings, s => s.AddSingleton<TimeProvider>(clock));
        await host.StartAsync(Ct);
        var analyzer = host.Services.GetRequiredService<ITextAnalyzer>();

        var first = await analyzer.AnalyzeAsync("很好", null, Ct);
        standIn.Hang = false;
        clock.Advance(TimeSpan.FromSeconds(59));
        var during = await analyzer.AnalyzeAsync("很好", null, Ct);
        clock.Advance(TimeSpan.FromSeconds(2));
        var after = await analyzer.AnalyzeAsync("很好", null, Ct);

        Assert.Contains("no answer within", first.Source, StringComparison.Ordinal);
        Assert.Equal(first.Source, during.Source);
        Assert.Equal("azure-language", after.Source);
        Assert.Equal(["很好"], standIn.Texts); // only the call after the cooldown reached the service's analysis
    }

    /// <summary>A loopback address where nothing listens: bound once to get a free port, then released.</summary>
    private static Uri ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }
}
