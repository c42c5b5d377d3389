using System.Text.Json.Nodes;
using Triggers.Cli.Functions;
using Triggers.Core.Hosting;

namespace Triggers.Cli.Tests.Functions;

public sealed class FunctionFolderWriterTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "triggers-functions-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Written_function_json_files_match_the_catalog_one_folder_per_function()
    {
        FunctionFolderWriter.Write(_directory);

        var folders = Directory.GetDirectories(_directory).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(FunctionCatalog.All.Select(f => f.Name).Order(StringComparer.Ordinal), folders);
        foreach (var function in FunctionCatalog.All)
        {
            var json = JsonNode.Parse(File.ReadAllText(Path.Combine(_directory, function.Name, "function.json")))!;
            var trigger = json["bindings"]![0]!;
            Assert.Equal(function.BindingName, trigger["name"]!.GetValue<string>());
            Assert.Equal("in", trigger["direction"]!.GetValue<string>());
            switch (function.Trigger)
            {
                case FunctionTrigger.Http:
                    Assert.Equal("httpTrigger", trigger["type"]!.GetValue<string>());
                    Assert.Equal(function.Route, trigger["route"]!.GetValue<string>());
                    // Exactly one http output: the only shape the host forwards to the app unchanged.
                    var output = Assert.Single(json["bindings"]!.AsArray(), b => b!["direction"]!.GetValue<string>() == "out");
                    Assert.Equal("http", output!["type"]!.GetValue<string>());
                    break;
                case FunctionTrigger.Queue:
                    Assert.Equal("queueTrigger", trigger["type"]!.GetValue<string>());
                    Assert.Equal(function.QueueName, trigger["queueName"]!.GetValue<string>());
                    Assert.Equal("AzureWebJobsStorage", trigger["connection"]!.GetValue<string>());
                    break;
                case FunctionTrigger.ServiceBus:
                    Assert.Equal("serviceBusTrigger", trigger["type"]!.GetValue<string>());
                    Assert.Equal(function.QueueName, trigger["queueName"]!.GetValue<string>());
                    Assert.Equal("ServiceBusConnection", trigger["connection"]!.GetValue<string>());
                    break;
                case FunctionTrigger.Timer:
                    Assert.Equal("timerTrigger", trigger["type"]!.GetValue<string>());
                    Assert.Equal(6, trigger["schedule"]!.GetValue<string>().Split(' ').Length);
                    break;
                default:
                    Assert.Fail($"{function.Name}: unexpected trigger {function.Trigger}");
                    break;
            }
        }
    }

    [Fact]
    public void Host_json_runs_the_app_as_a_custom_handler_with_the_queue_settings_the_app_assumes()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(Triggers.Testing.RepositoryPaths.Root, "host.json")))!;

        Assert.Equal("2.0", host["version"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(host["customHandler"]!["description"]!["defaultExecutablePath"]!.GetValue<string>()));
        // HTTP functions reach the app's own routes only when the host forwards them.
        Assert.True(host["customHandler"]!["enableProxyingHttpRequest"]!.GetValue<bool>());
        Assert.Equal("api", host["extensions"]!["http"]!["routePrefix"]!.GetValue<string>());
        // The app writes its own poison message on the last attempt; the host must count the same attempts.
        Assert.Equal(5, host["extensions"]!["queues"]!["maxDequeueCount"]!.GetValue<int>());
        Assert.Equal("base64", host["extensions"]!["queues"]!["messageEncoding"]!.GetValue<string>());
    }
}
