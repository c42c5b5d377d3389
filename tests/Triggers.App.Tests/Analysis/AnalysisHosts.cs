using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Triggers.Hosting.Analysis;

namespace Triggers.App.Tests.Analysis;

/// <summary>A bare host with only <c>AddTriggersAnalysis</c>, so start-up validation and the chosen analyser can be seen alone.</summary>
internal static class AnalysisHosts
{
    public static IHost Build(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        services?.Invoke(builder.Services);
        builder.Services.AddTriggersAnalysis(builder.Configuration);
        return builder.Build();
    }

    /// <summary>Azure AI Language at <paramref name="endpoint"/> with the stand-in's key, no retries and a short timeout.</summary>
    public static Dictionary<string, string?> AzureLanguage(Uri endpoint, string timeout = "00:00:05") => new()
    {
        ["Analysis:Provider"] = "azure-language",
        ["Analysis:AzureLanguage:Endpoint"] = endpoint.AbsoluteUri,
        ["Analysis:AzureLanguage:Key"] = LanguageStandIn.Key,
        ["Analysis:AzureLanguage:MaxRetries"] = "0",
        ["Analysis:AzureLanguage:RetryDelay"] = "00:00:00.010",
        ["Analysis:AzureLanguage:Timeout"] = timeout,
    };
}
