using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Triggers.Core.Analysis;
using Triggers.Core.Analysis.Embedded;

namespace Triggers.App.Tests.Analysis;

public sealed class AnalysisStartupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> StartupErrorAsync(Dictionary<string, string?> settings)
    {
        using var host = AnalysisHosts.Build(settings);
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));
        return error.Message;
    }

    [Fact]
    public async Task Azure_language_without_an_endpoint_fails_at_start_up_naming_the_endpoint_setting()
    {
        var message = await StartupErrorAsync(new() { ["Analysis:Provider"] = "azure-language" });

        Assert.Contains("Analysis:AzureLanguage:Endpoint is required", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_http_endpoint_off_this_machine_fails_at_start_up_asking_for_https()
    {
        var message = await StartupErrorAsync(new()
        {
            ["Analysis:Provider"] = "azure-language",
            ["Analysis:AzureLanguage:Endpoint"] = "http://my-language.cognitiveservices.azure.com",
            ["Analysis:AzureLanguage:Key"] = "k",
        });

        Assert.Contains("Analysis:AzureLanguage:Endpoint must use https", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_regional_endpoint_without_a_key_fails_because_entra_needs_a_custom_subdomain()
    {
        var message = await StartupErrorAsync(new()
        {
            ["Analysis:Provider"] = "azure-language",
            ["Analysis:AzureLanguage:Endpoint"] = "https://eastus.api.cognitive.microsoft.com/",
        });

        Assert.Contains("custom subdomain", message, StringComparison.Ordinal);
        Assert.Contains("Analysis:AzureLanguage:Endpoint", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_provider_fails_at_start_up_naming_Analysis_Provider()
    {
        var message = await StartupErrorAsync(new() { ["Analysis:Provider"] = "openai" });

        Assert.Contains("Analysis:Provider must be 'embedded' or 'azure-language', not 'openai'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_settings_the_embedded_analyser_answers()
    {
        using var host = AnalysisHosts.Build(new Dictionary<string, string?>());
        await host.StartAsync(Ct);

        var analyzer = host.Services.GetRequiredService<ITextAnalyzer>();

        Assert.IsType<EmbeddedSentimentAnalyzer>(analyzer);
        Assert.Equal("embedded", (await analyzer.AnalyzeAsync("很好", null, Ct)).Source);
        await host.StopAsync(Ct);
    }
}
