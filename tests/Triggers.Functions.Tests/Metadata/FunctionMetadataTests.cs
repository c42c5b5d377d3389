using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;

namespace Triggers.Functions.Tests.Metadata;

/// <summary>
/// The host-facing contract, read from what the Functions SDK generates next to the assembly (functions.metadata,
/// worker.config.json, the extensions) and from host.json: the Functions host cannot run here, so this is what it would read.
/// </summary>
public sealed class FunctionMetadataTests
{
    private static readonly string Output = AppContext.BaseDirectory;

    private static JsonArray Metadata() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Output, "functions.metadata")))!.AsArray();

    [Fact]
    public void The_generated_metadata_lists_exactly_the_functions_of_the_contract()
    {
        var generated = Metadata().Select(f => f!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(FunctionContract.All.Select(f => f.Name).Order(StringComparer.Ordinal), generated);
    }

    [Fact]
    public void Every_function_the_code_declares_is_in_the_generated_metadata_and_nothing_else()
    {
        var declared = typeof(Http.Webhook).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Select(m => m.GetCustomAttribute<FunctionAttribute>()?.Name)
            .OfType<string>()
            .Order(StringComparer.Ordinal);

        Assert.Equal(declared, Metadata().Select(f => f!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ContractNames))]
    public void Each_function_has_the_trigger_route_methods_auth_level_queue_and_schedule_of_the_contract(string name)
    {
        var expected = FunctionContract.All.Single(f => f.Name == name);
        var function = Metadata().SingleOrDefault(f => f!["name"]!.GetValue<string>() == name)
            ?? throw new Xunit.Sdk.XunitException($"functions.metadata has no function '{name}': was its [Function] removed or renamed?");

        var trigger = function["bindings"]!.AsArray().Single(b => b!["direction"]!.GetValue<string>() == "In" && b["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal))!;
        Assert.Equal(expected.Trigger, trigger["type"]!.GetValue<string>());
        foreach (var (property, value) in expected.Properties)
        {
            var actual = trigger[property] is JsonArray list
                ? string.Join(",", list.Select(m => m!.GetValue<string>().ToLowerInvariant()))
                : trigger[property]?.GetValue<string>();
            Assert.True(value == actual, $"{name}: {property} is '{actual}', the contract says '{value}'.");
        }

        Assert.Equal("Triggers.Functions.dll", function["scriptFile"]!.GetValue<string>());
        Assert.Equal("dotnet-isolated", function["language"]!.GetValue<string>());
    }

    public static TheoryData<string> ContractNames() => [.. FunctionContract.All.Select(f => f.Name)];

    [Fact]
    public void The_worker_config_starts_this_assembly_as_a_dotnet_isolated_worker_and_the_extensions_are_there()
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(Output, "worker.config.json")))!["description"]!;

        Assert.Equal("dotnet-isolated", config["language"]!.GetValue<string>());
        Assert.Equal("Triggers.Functions.dll", config["defaultWorkerPath"]!.GetValue<string>());
        var extensions = JsonNode.Parse(File.ReadAllText(Path.Combine(Output, "extensions.json")))!["extensions"]!.AsArray()
            .Select(e => e!["name"]!.GetValue<string>()).ToList();
        Assert.Contains(extensions, e => e.Contains("AzureStorageQueues", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Host_json_is_the_isolated_workers_with_routes_from_the_root_and_base64_queues_retried_five_times()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(Output, "host.json")))!;

        Assert.Equal("2.0", host["version"]!.GetValue<string>());
        Assert.Null(host["customHandler"]);
        // Empty: the routes say /api themselves, and the console is served at /console.
        Assert.Equal(string.Empty, host["extensions"]!["http"]!["routePrefix"]!.GetValue<string>());
        var queues = host["extensions"]!["queues"]!;
        Assert.Equal("base64", queues["messageEncoding"]!.GetValue<string>());
        // The processor poisons on its own at Processing:MaxDequeueCount (default 5); the host must not give up first.
        Assert.Equal(new Hosting.Processing.ProcessingOptions().MaxDequeueCount, queues["maxDequeueCount"]!.GetValue<int>());
        Assert.NotNull(queues["visibilityTimeout"]);
        Assert.Equal(JsonValueKind.String, queues["visibilityTimeout"]!.GetValueKind());
    }
}
