using System.IO.Compression;
using System.Text.Json.Nodes;
using Triggers.Deploy.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.Deploy.Tests.Packaging;

/// <summary>
/// The package scripts/package.sh builds is the published isolated worker, with what the Functions host reads: host.json,
/// the SDK's generated functions.metadata and worker.config.json, and the host-side extensions.
/// </summary>
public sealed class PackageLayoutTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    private JsonArray Metadata => JsonNode.Parse(File.ReadAllText(Path.Combine(package.PackageDirectory, "functions.metadata")))!.AsArray();

    [Fact]
    public void The_package_carries_the_repository_host_json_unchanged()
    {
        package.RequireSuccess();

        Assert.Equal(
            File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "host.json")),
            File.ReadAllBytes(Path.Combine(package.PackageDirectory, "host.json")));
    }

    [Fact]
    public void The_package_holds_the_worker_and_what_the_sdk_generates_for_the_host()
    {
        package.RequireSuccess();

        foreach (var file in (string[])["Triggers.Functions.dll", "functions.metadata", "worker.config.json", "extensions.json"])
        {
            Assert.True(File.Exists(Path.Combine(package.PackageDirectory, file)), $"{file} is missing from the package");
        }

        var worker = JsonNode.Parse(File.ReadAllText(Path.Combine(package.PackageDirectory, "worker.config.json")))!["description"]!;
        Assert.Equal("dotnet-isolated", (string?)worker["language"]);
        Assert.Equal("Triggers.Functions.dll", (string?)worker["defaultWorkerPath"]);
        var extensions = Path.Combine(package.PackageDirectory, ".azurefunctions");
        Assert.True(Directory.Exists(extensions) && Directory.EnumerateFiles(extensions, "*.dll").Any(), "the host-side extensions (.azurefunctions) are missing");
    }

    [Fact]
    public void The_published_functions_listen_on_the_queues_and_connection_the_infrastructure_provides()
    {
        package.RequireSuccess();
        var triggers = Metadata.Select(f => (Name: (string)f!["name"]!, Trigger: f["bindings"]!.AsArray().Single(b => (string?)b!["direction"] == "In")!)).ToList();

        var queues = triggers.Where(t => (string?)t.Trigger["type"] == "queueTrigger").ToList();
        Assert.Equal(FunctionAppContract.TriggerQueues.Order(StringComparer.Ordinal), queues.Select(q => (string)q.Trigger["queueName"]!).Order(StringComparer.Ordinal));
        Assert.All(queues, q => Assert.Equal(FunctionAppContract.StorageConnection, (string?)q.Trigger["connection"]));
        Assert.Equal(
            FunctionAppContract.Functions.Where(f => f.Trigger == TriggerKind.Timer).Select(f => f.Name).Order(StringComparer.Ordinal),
            triggers.Where(t => (string?)t.Trigger["type"] == "timerTrigger").Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Only_the_webhook_health_and_console_page_are_anonymous_and_every_admin_route_needs_a_function_key()
    {
        package.RequireSuccess();
        var http = Metadata
            .Select(f => f!["bindings"]!.AsArray().Single(b => (string?)b!["direction"] == "In")!)
            .Where(b => (string?)b["type"] == "httpTrigger")
            .ToList();

        Assert.Equal(["api/health", "api/webhooks/{channel}", "console/{*path}"], http.Where(b => (string?)b["authLevel"] == "Anonymous").Select(b => (string)b["route"]!).Order(StringComparer.Ordinal));
        Assert.All(http.Where(b => ((string)b["route"]!).StartsWith("api/admin/", StringComparison.Ordinal)), b => Assert.Equal("Function", (string?)b["authLevel"]));
        Assert.All(http, b => Assert.True(((string)b["route"]!).StartsWith("api/admin/", StringComparison.Ordinal) || (string?)b["authLevel"] == "Anonymous"));
    }

    [Fact]
    public void The_zip_holds_the_same_files_as_the_package_folder()
    {
        package.RequireSuccess();
        var files = Directory.EnumerateFiles(package.PackageDirectory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(package.PackageDirectory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        using var zip = ZipFile.OpenRead(package.ZipPath);

        Assert.Equal(files, zip.Entries.Where(e => !e.FullName.EndsWith('/')).Select(e => e.FullName).Order(StringComparer.Ordinal));
    }
}
