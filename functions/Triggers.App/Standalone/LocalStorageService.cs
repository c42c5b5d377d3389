using Triggers.Azure.Emulator;
using Triggers.Azure.Storage;

namespace Triggers.App.Standalone;

/// <summary>
/// Starts Azurite from the repo's pinned npm package when storage is the local emulator and nothing
/// already listens on 127.0.0.1:10000-10002; stops it when the app stops.
/// </summary>
public sealed partial class LocalStorageService(
    StorageConnection connection,
    IConfiguration configuration,
    ILogger<LocalStorageService> logger) : IHostedService, IAsyncDisposable
{
    private AzuriteLauncher? _azurite;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!connection.IsDevelopmentStorage || string.Equals(configuration["Storage:StartEmulator"], "false", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var dataDirectory = configuration["Storage:EmulatorDataPath"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(AzuriteLauncher.FindRepositoryRoot(), ".azurite");
        _azurite = await AzuriteLauncher.EnsureDefaultAsync(dataDirectory, logger, cancellationToken);
        if (_azurite is null)
        {
            Log.UsingRunningEmulator(logger);
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

    private static partial class Log
    {
        [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Using the storage emulator already listening on 127.0.0.1:10000-10002")]
        public static partial void UsingRunningEmulator(ILogger logger);
    }
}
