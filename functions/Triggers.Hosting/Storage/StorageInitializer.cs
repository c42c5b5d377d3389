using Azure.Storage.Queues;
using Triggers.Azure.Stores;
using Azure.Data.Tables;
using Triggers.Core.Hosting;

namespace Triggers.Hosting.Storage;

/// <summary>
/// Creates the tables and queues. If storage is down at start-up the app still starts (health answers 503
/// with the reason) and keeps trying, so a late Azurite or a storage blip does not need a restart.
/// </summary>
public sealed partial class StorageInitializer(
    TableServiceClient tables,
    QueueServiceClient queues,
    StorageReadiness readiness,
    ILogger<StorageInitializer> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // First attempt inline, so a healthy start is ready before the first request.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        await TryInitializeAsync(timeout.Token);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!readiness.IsReady && !stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(RetryDelay, stoppingToken);
            await TryInitializeAsync(stoppingToken);
        }
    }

    private async Task TryInitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var table in TableNames.All)
            {
                await tables.GetTableClient(table).CreateIfNotExistsAsync(cancellationToken);
            }

            foreach (var queue in QueueNames.All)
            {
                await queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            }

            readiness.MarkReady();
            Log.Initialized(logger);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            readiness.MarkFailed($"could not create tables and queues: {ex.Message}");
            Log.InitializationFailed(logger, ex.Message);
        }
        catch (OperationCanceledException)
        {
            readiness.MarkFailed("storage did not answer in time while creating tables and queues");
            Log.InitializationFailed(logger, "timed out");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Storage ready: tables and queues exist")]
        public static partial void Initialized(ILogger logger);

        [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Storage not ready, retrying in 5 s: {Reason}")]
        public static partial void InitializationFailed(ILogger logger, string reason);
    }
}
