using System.Net.Sockets;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using Triggers.Azure.Storage;
using Triggers.Hosting.Webhooks;

namespace Triggers.Hosting.Storage;

/// <summary>
/// Whether storage is known to be unreachable. A webhook whose write failed for want of storage reports it; from then
/// on webhooks answer 503 with Retry-After at once instead of each waiting out the ingest budget, and a probe reaches
/// for the tables and queues every <see cref="WebhookOptions.OutageProbeInterval"/> until both answer again.
/// </summary>
public sealed partial class StorageOutage(
    TableServiceClient tables,
    QueueServiceClient queues,
    IOptions<WebhookOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<StorageOutage> logger)
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _since;

    /// <summary>When storage was found unreachable, or null while it is not known to be.</summary>
    public DateTimeOffset? Since
    {
        get
        {
            lock (_gate)
            {
                return _since;
            }
        }
    }

    /// <summary>What a caller should wait before trying again: the probe's interval, in whole seconds.</summary>
    public int RetryAfterSeconds => (int)Math.Ceiling(options.Value.OutageProbeInterval.TotalSeconds);

    /// <summary>Whether a failed write says storage is unreachable (no answer, or none in time), as opposed to a refusal.</summary>
    public static bool IsUnreachable(Exception exception) => exception switch
    {
        RequestFailedException { Status: 0 } => true,
        OperationCanceledException or TimeoutException or HttpRequestException or SocketException => true,
        AggregateException all => all.InnerExceptions.Count > 0 && all.InnerExceptions.All(IsUnreachable),
        _ => exception.InnerException is { } inner && IsUnreachable(inner),
    };

    /// <summary>A write failed; if for want of storage, the outage is known from now and probing starts.</summary>
    public void Report(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (!IsUnreachable(exception))
        {
            return;
        }

        lock (_gate)
        {
            if (_since is not null)
            {
                return;
            }

            _since = time.GetUtcNow();
        }

        Log.Unreachable(logger, exception.Message);
        _ = Task.Run(() => ProbeUntilReachableAsync(lifetime.ApplicationStopping));
    }

    private async Task ProbeUntilReachableAsync(CancellationToken stopping)
    {
        var interval = options.Value.OutageProbeInterval;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, stopping);
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                attempt.CancelAfter(interval);
                await tables.PingAsync(attempt.Token);
                await queues.GetQueueClient(Core.Hosting.QueueNames.Signals).ExistsAsync(attempt.Token);
                break;
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested && IsUnreachable(ex))
            {
                // Still down: the next probe follows after the interval.
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
        }

        DateTimeOffset? since;
        lock (_gate)
        {
            (since, _since) = (_since, null);
        }

        if (since is { } start)
        {
            Log.Reachable(logger, (time.GetUtcNow() - start).TotalSeconds);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1501, Level = LogLevel.Error, Message = "Storage is unreachable ({Reason}): webhooks answer 503 at once until a probe reaches it again")]
        public static partial void Unreachable(ILogger logger, string reason);

        [LoggerMessage(EventId = 1502, Level = LogLevel.Information, Message = "Storage is reachable again after {Seconds:0.0} s: webhooks are stored as usual")]
        public static partial void Reachable(ILogger logger, double seconds);
    }
}
