using Triggers.Azure.Emulator;
using Triggers.Azure.Storage;

namespace Triggers.App.Standalone;

/// <summary>
/// Starts Azurite from the repo's pinned npm package when storage is the local emulator and nothing
/// already listens on its ports; stops it when the app stops. A crash of the app does not lose what
/// Azurite acknowledged: tools/azurite/start.js then closes Azurite itself, which saves its store.
/// </summary>
public sealed partial class LocalStorageService(
    StorageConnection connection,
    IConfiguration configuration,
    ILogger<LocalStorageService> logger) : IHostedService, IAsyncDisposable
{
    private AzuriteLauncher? _azurite;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (EmulatorPorts() is not { } ports)
        {
            return;
        }

        var dataDirectory = configuration["Storage:EmulatorDataPath"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(AzuriteLauncher.FindRepositoryRoot(), ".azurite");
        _azurite = await AzuriteLauncher.EnsureAsync(ports, dataDirectory, logger, cancellationToken);
        if (_azurite is null)
        {
            Log.UsingRunningEmulator(logger, ports.ToString());
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
            _azurite = null;
        }
    }

    /// <summary>
    /// The ports of the emulator to ensure, or null for none. <c>UseDevelopmentStorage=true</c>: 10000-10002
    /// unless <c>Storage:StartEmulator</c> is <c>false</c>. An explicit connection string for the emulator's
    /// account on <c>http://127.0.0.1:{port}</c> (all three endpoints): its ports, only when
    /// <c>Storage:StartEmulator</c> is <c>true</c>, so a second local instance (or a test) can have its own.
    /// </summary>
    private AzuritePorts? EmulatorPorts()
    {
        var start = configuration["Storage:StartEmulator"];
        if (connection.IsDevelopmentStorage)
        {
            return string.Equals(start, "false", StringComparison.OrdinalIgnoreCase) ? null : AzuritePorts.Default;
        }

        if (!string.Equals(start, "true", StringComparison.OrdinalIgnoreCase)
            || connection.AccountName != DevelopmentStorage.AccountName
            || connection.BlobEndpoint is not { } blob
            || !IsLoopbackHttp(blob) || !IsLoopbackHttp(connection.QueueEndpoint) || !IsLoopbackHttp(connection.TableEndpoint))
        {
            return null;
        }

        return new AzuritePorts(blob.Port, connection.QueueEndpoint.Port, connection.TableEndpoint.Port);
    }

    private static bool IsLoopbackHttp(Uri endpoint) =>
        endpoint.Scheme == Uri.UriSchemeHttp && endpoint.Host == "127.0.0.1" && !endpoint.IsDefaultPort;

    private static partial class Log
    {
        [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Using the storage emulator already listening on 127.0.0.1 ({Ports})")]
        public static partial void UsingRunningEmulator(ILogger logger, string ports);
    }
}
