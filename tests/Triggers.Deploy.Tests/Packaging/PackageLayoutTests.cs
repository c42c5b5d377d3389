using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Triggers.Core.Hosting;
using Triggers.Deploy.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.Deploy.Tests.Packaging;

/// <summary>The package scripts/package.sh builds is what the Functions host expects to find (host.json, function folders, handler).</summary>
public sealed class PackageLayoutTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    private static readonly JsonNode HostJson = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "host.json")))!;

    private static string ExecutablePath => (string)HostJson["customHandler"]!["description"]!["defaultExecutablePath"]!;

    private static string WorkingDirectory => (string)HostJson["customHandler"]!["description"]!["workingDirectory"]!;

    [Fact]
    public void The_package_carries_the_repository_host_json_unchanged()
    {
        package.RequireSuccess();

        Assert.Equal(
            File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "host.json")),
            File.ReadAllBytes(Path.Combine(package.PackageDirectory, "host.json")));
    }

    [Fact]
    public void Every_catalog_function_has_a_folder_whose_function_json_declares_its_bindings()
    {
        package.RequireSuccess();

        foreach (var function in FunctionCatalog.All)
        {
            var path = Path.Combine(package.PackageDirectory, function.Name, "function.json");
            Assert.True(File.Exists(path), $"{function.Name}/function.json is missing from the package");
            var bindings = JsonNode.Parse(File.ReadAllText(path))!["bindings"]!.AsArray();
            var trigger = Assert.Single(bindings, b => (string?)b!["direction"] == "in")!;
            Assert.Equal(function.BindingName, (string?)trigger["name"]);
            Assert.Equal(function.QueueName, (string?)trigger["queueName"]);
            Assert.Equal(function.Connection, (string?)trigger["connection"]);
            Assert.Equal(function.Schedule, (string?)trigger["schedule"]);
            Assert.Equal(function.Route, (string?)trigger["route"]);
            var expectedType = function.Trigger switch
            {
                FunctionTrigger.Http => "httpTrigger",
                FunctionTrigger.Queue => "queueTrigger",
                FunctionTrigger.ServiceBus => "serviceBusTrigger",
                FunctionTrigger.Timer => "timerTrigger",
                _ => throw new InvalidOperationException($"no binding type known for {function.Trigger}"),
            };
            Assert.Equal(expectedType, (string?)trigger["type"]);
            JsonAssert.Equal(FunctionJson.Build(function), JsonNode.Parse(File.ReadAllText(path)));
        }
    }

    [Fact]
    public void The_package_holds_nothing_but_host_json_the_function_folders_and_the_handler_folder()
    {
        package.RequireSuccess();
        var handlerFolder = ExecutablePath.Split('/')[0];

        var top = Directory.EnumerateFileSystemEntries(package.PackageDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(
            FunctionCatalog.All.Select(f => f.Name).Append(handlerFolder).Append("host.json").Order(StringComparer.Ordinal),
            top);
    }

    [Fact]
    public void The_handler_is_an_executable_self_contained_linux_x64_program_where_host_json_starts_it()
    {
        package.RequireSuccess();
        var executable = Path.Combine(package.PackageDirectory, ExecutablePath);

        Assert.True(File.Exists(executable), $"host.json starts {ExecutablePath}, which the package lacks");
        if (!OperatingSystem.IsWindows())
        {
            Assert.True(File.GetUnixFileMode(executable).HasFlag(UnixFileMode.UserExecute), $"{ExecutablePath} is not executable");
        }

        var header = new byte[20];
        using (var stream = File.OpenRead(executable))
        {
            stream.ReadExactly(header);
        }

        // ELF magic, then e_machine 0x3E (x86-64) at offset 18.
        Assert.Equal([0x7F, (byte)'E', (byte)'L', (byte)'F'], header[..4]);
        Assert.Equal(0x3E, BitConverter.ToUInt16(header, 18));
        var appFolder = Path.GetDirectoryName(executable)!;
        var runtimeConfig = JsonNode.Parse(File.ReadAllText(Path.Combine(appFolder, Path.GetFileName(executable) + ".runtimeconfig.json")))!;
        Assert.NotNull(runtimeConfig["runtimeOptions"]!["includedFrameworks"]);
        Assert.True(File.Exists(Path.Combine(appFolder, "libcoreclr.so")), "the .NET runtime is not in the package");
        Assert.True(Directory.Exists(Path.Combine(package.PackageDirectory, WorkingDirectory)), $"host.json's workingDirectory {WorkingDirectory} is missing");
    }

    [Fact]
    public void The_zip_holds_the_same_files_and_keeps_the_handler_executable()
    {
        package.RequireSuccess();
        var files = Directory.EnumerateFiles(package.PackageDirectory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(package.PackageDirectory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        using var zip = ZipFile.OpenRead(package.ZipPath);

        Assert.Equal(files, zip.Entries.Where(e => !e.FullName.EndsWith('/')).Select(e => e.FullName).Order(StringComparer.Ordinal));
        var handler = zip.GetEntry(ExecutablePath)!;
        // Unix permissions live in the high 16 bits of the external attributes; 0o100 is the owner's execute bit.
        Assert.NotEqual(0, (handler.ExternalAttributes >> 16) & 0b001_000_000);
    }

    [Fact]
    public async Task The_packaged_handler_starts_as_the_host_starts_it_and_answers_on_the_port_it_is_given()
    {
        package.RequireSuccess();
        var port = FreePort();
        var start = new ProcessStartInfo(Path.Combine(package.PackageDirectory, ExecutablePath))
        {
            WorkingDirectory = Path.Combine(package.PackageDirectory, WorkingDirectory),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in HostJson["customHandler"]!["description"]!["arguments"]!.AsArray())
        {
            start.ArgumentList.Add((string)argument!);
        }

        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Nothing to reach: health answers 503 with the reason, which is enough to show the handler runs.
        start.Environment["AzureWebJobsStorage"] = "UseDevelopmentStorage=true";
        start.Environment["Storage__StartEmulator"] = "false";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var deadline = Stopwatch.StartNew();
            HttpResponseMessage? response = null;
            while (response is null && !process.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                try
                {
                    response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/api/health"), TestContext.Current.CancellationToken);
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(250, TestContext.Current.CancellationToken);
                }
            }

            Assert.False(process.HasExited, $"the handler exited with {(process.HasExited ? process.ExitCode : 0)}");
            Assert.NotNull(response);
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable });
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            TestContext.Current.SendDiagnosticMessage("handler output: {0}{1}", await output, await errors);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
