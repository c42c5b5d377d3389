using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Triggers.Azure.Storage;

namespace Triggers.Azure.Emulator;

/// <summary>
/// Starts the repository's pinned Azurite (installing it on first use) and stops it, with its whole
/// process tree, when disposed.
/// </summary>
public sealed partial class AzuriteLauncher : IAsyncDisposable
{
    // start.js exits as soon as Azurite has closed and saved its stores (milliseconds for a laptop's data);
    // the grace only bounds a hang, and is long so that it never cuts a save short.
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly OutputTail _output;
    private readonly ILogger _logger;
    private int _disposed;

    private AzuriteLauncher(Process process, OutputTail output, AzuritePorts ports, ILogger logger)
    {
        _process = process;
        _output = output;
        _logger = logger;
        Ports = ports;
    }

    public AzuritePorts Ports { get; }

    public int BlobPort => Ports.Blob;

    public int QueuePort => Ports.Queue;

    public int TablePort => Ports.Table;

    /// <summary>An explicit connection string for this instance's well-known development account.</summary>
    public string ConnectionString => DevelopmentStorage.ConnectionStringFor(Ports);

    public StorageConnection Connection => StorageConnection.FromConnectionString(ConnectionString);

    /// <summary>
    /// The repository root: the folder holding tools/azurite/package.json, found by walking up from the app's
    /// folder and then from the working directory.
    /// </summary>
    public static string FindRepositoryRoot() =>
        Path.GetFullPath(Path.Combine(AzuriteInstallation.Locate().Directory, "..", ".."));

    /// <summary>
    /// For the app: uses an emulator already listening on 127.0.0.1:10000-10002 (returns null), or starts
    /// one there that keeps its data in <paramref name="dataDirectory"/>.
    /// </summary>
    public static Task<AzuriteLauncher?> EnsureDefaultAsync(
        string dataDirectory, ILogger logger, CancellationToken cancellationToken) =>
        EnsureAsync(AzuritePorts.Default, dataDirectory, logger, cancellationToken);

    /// <summary>For tests: starts a private, in-memory emulator on three free loopback ports.</summary>
    public static async Task<AzuriteLauncher> StartIsolatedAsync(ILogger? logger, CancellationToken cancellationToken)
    {
        logger ??= NullLogger.Instance;
        var installation = AzuriteInstallation.Locate();
        await installation.EnsureInstalledAsync(logger, cancellationToken);

        // Another process can take a port between our probe and Azurite's bind; a fresh set usually works.
        for (var attempt = 1; ; attempt++)
        {
            var free = LoopbackPorts.PickFree(3);
            var ports = new AzuritePorts(free[0], free[1], free[2]);
            try
            {
                return await StartAsync(installation, ports, dataDirectory: null, logger, cancellationToken);
            }
            catch (AzuriteStartException e) when (attempt < 3 && e.PortInUse)
            {
                continue;
            }
        }
    }

    /// <summary>
    /// Uses an emulator already listening on all of <paramref name="ports"/> (returns null), or starts one
    /// there that keeps its data in <paramref name="dataDirectory"/>.
    /// </summary>
    public static async Task<AzuriteLauncher?> EnsureAsync(
        AzuritePorts ports, string dataDirectory, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        ArgumentNullException.ThrowIfNull(logger);

        var busy = new List<string>();
        var idle = new List<string>();
        foreach (var (service, port) in ports.All)
        {
            (await LoopbackPorts.IsListeningAsync(port, cancellationToken) ? busy : idle).Add($"{port} ({service})");
        }

        if (idle.Count == 0)
        {
            Log.UsingExisting(logger, ports.ToString());
            return null;
        }

        if (busy.Count > 0)
        {
            throw new InvalidOperationException(
                $"Local storage emulator ports are half taken: 127.0.0.1 port(s) {string.Join(", ", busy)} " +
                $"accept connections but {string.Join(", ", idle)} do not. Stop whatever holds " +
                $"{string.Join(", ", busy)}, or start a complete Azurite on {ports}, or set AzureWebJobsStorage " +
                "to a connection string for the storage you want.");
        }

        var installation = AzuriteInstallation.Locate();
        await installation.EnsureInstalledAsync(logger, cancellationToken);
        Directory.CreateDirectory(dataDirectory);
        return await StartAsync(installation, ports, Path.GetFullPath(dataDirectory), logger, cancellationToken);
    }

    /// <summary>Asks Azurite to close and save (by closing its stdin), then kills the process tree if it hangs.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                try
                {
                    _process.StandardInput.Close();
                }
                catch (IOException)
                {
                    // the pipe is already gone because the process is exiting
                }

                using var grace = new CancellationTokenSource(StopGrace);
                try
                {
                    await _process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync(CancellationToken.None);
                }
            }

            Log.Stopped(_logger, Ports.ToString());
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(10, LogLevel.Information, "Local storage emulator already listening on 127.0.0.1 ({Ports}); using it")]
        public static partial void UsingExisting(ILogger logger, string ports);

        [LoggerMessage(11, LogLevel.Information, "Started Azurite (pid {Pid}) on 127.0.0.1 ({Ports}), data in {Data}, package in {Package}")]
        public static partial void Started(ILogger logger, string ports, int pid, string data, string package);

        [LoggerMessage(12, LogLevel.Information, "Stopped Azurite on 127.0.0.1 ({Ports})")]
        public static partial void Stopped(ILogger logger, string ports);
    }
}
