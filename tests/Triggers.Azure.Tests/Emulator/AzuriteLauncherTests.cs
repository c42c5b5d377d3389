using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Triggers.Azure.Emulator;
using Azure.Data.Tables;
using Triggers.Testing;

namespace Triggers.Azure.Tests.Emulator;

public sealed class AzuriteLauncherTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AzuritePorts FreePorts()
    {
        var free = LoopbackPorts.PickFree(3);
        return new AzuritePorts(free[0], free[1], free[2]);
    }

    private static TcpListener Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        return listener;
    }

    [Fact]
    public void The_connection_string_names_the_isolated_ports()
    {
        var launcher = azurite.Launcher;

        Assert.Contains($"TableEndpoint=http://127.0.0.1:{launcher.TablePort}/devstoreaccount1;", azurite.ConnectionString, StringComparison.Ordinal);
        Assert.Contains($"QueueEndpoint=http://127.0.0.1:{launcher.QueuePort}/devstoreaccount1;", azurite.ConnectionString, StringComparison.Ordinal);
        Assert.Contains($"BlobEndpoint=http://127.0.0.1:{launcher.BlobPort}/devstoreaccount1;", azurite.ConnectionString, StringComparison.Ordinal);
        Assert.Equal(launcher.TablePort, azurite.Connection.TableEndpoint.Port);
    }

    [Fact]
    public void The_repository_root_holds_the_pinned_package()
    {
        var root = AzuriteLauncher.FindRepositoryRoot();

        Assert.True(File.Exists(Path.Combine(root, "tools", "azurite", "package.json")));
        Assert.Contains("\"azurite\": \"3.37.0\"", File.ReadAllText(Path.Combine(root, "tools", "azurite", "package.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_all_three_ports_already_listen_the_running_emulator_is_used()
    {
        var ports = FreePorts();
        using var blob = Listen(ports.Blob);
        using var queue = Listen(ports.Queue);
        using var table = Listen(ports.Table);

        var launcher = await AzuriteLauncher.EnsureAsync(ports, Path.GetTempPath(), NullLogger.Instance, Ct);

        Assert.Null(launcher);
    }

    [Fact]
    public async Task When_only_some_ports_listen_the_error_names_them()
    {
        var ports = FreePorts();
        using var queue = Listen(ports.Queue);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => AzuriteLauncher.EnsureAsync(ports, Path.GetTempPath(), NullLogger.Instance, Ct));

        Assert.Contains($"{ports.Queue} (queue)", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{ports.Table} (table)", error.Message, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_emulator_started_with_a_data_directory_keeps_its_data_across_a_restart_and_frees_its_ports()
    {
        var ports = FreePorts();
        var data = Directory.CreateTempSubdirectory("triggers-azurite-").FullName;
        try
        {
            var first = await AzuriteLauncher.EnsureAsync(ports, data, NullLogger.Instance, Ct);
            Assert.NotNull(first);
            var table = first.Connection.CreateTableServiceClient().GetTableClient("Persisted");
            await table.CreateIfNotExistsAsync(Ct);
            await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = "kept" }, Ct);
            await first.DisposeAsync();
            Assert.False(await LoopbackPorts.IsListeningAsync(ports.Table, Ct));

            await using var second = await AzuriteLauncher.EnsureAsync(ports, data, NullLogger.Instance, Ct);
            Assert.NotNull(second);
            var again = second.Connection.CreateTableServiceClient().GetTableClient("Persisted");
            Assert.Equal("kept", (await again.GetEntityAsync<TableEntity>("p", "r", cancellationToken: Ct)).Value.GetString("V"));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
