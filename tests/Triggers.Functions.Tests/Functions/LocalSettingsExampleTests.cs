using System.Text.Json.Nodes;
using Triggers.Functions.Http;
using Triggers.Functions.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.Functions.Tests.Functions;

/// <summary>The local.settings.json example `func start` users copy is a configuration the function app accepts.</summary>
public sealed class LocalSettingsExampleTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_example_settings_start_the_function_app_and_it_answers_health()
    {
        var example = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "functions", "Triggers.Functions", "local.settings.example.json")))!;
        var settings = example["Values"]!.AsObject()
            .Where(p => p.Key != "AzureWebJobsStorage") // the tests' own Azurite instead of the default ports
            .ToDictionary(p => p.Key.Replace("__", ":", StringComparison.Ordinal), p => (string?)p.Value);
        Assert.Equal("dotnet-isolated", settings["FUNCTIONS_WORKER_RUNTIME"]);

        await using var app = await FunctionAppServices.StartAsync(azurite, settings);
        var request = app.Request("GET", "/api/health");
        var (status, _) = await FunctionAppServices.ExecuteAsync(await app.Function<Health>().RunAsync(request), request);

        Assert.Equal(200, status);
    }
}
