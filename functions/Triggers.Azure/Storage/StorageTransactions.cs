using System.Diagnostics.Metrics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Triggers.Azure.Storage;

/// <summary>
/// Counts storage transactions (every HTTP request to the Table or Queue service, each retry included): what Azure bills
/// and what bounds throughput on Azurite. Published as the metric <c>triggers.storage.transactions</c> (meter
/// <see cref="MeterName"/>, tags <c>service</c> and <c>work</c>) and readable in-process for tests, the admin health
/// report and the load benchmark. The work is whatever <see cref="For"/> set on the calling flow.
/// </summary>
public sealed class StorageTransactions
{
    public const string MeterName = "Triggers.Storage";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Counter = Meter.CreateCounter<long>("triggers.storage.transactions", description: "Requests to the Table and Queue services, retries included");
    private static readonly AsyncLocal<StorageWork> Current = new();
    private static readonly string[] WorkNames = [.. Enum.GetNames<StorageWork>().Select(n => n.ToLowerInvariant())];

    private readonly long[] _byWork = new long[WorkNames.Length];
    private readonly long[] _queuesByWork = new long[WorkNames.Length];
    private long _tables;
    private long _queues;

    public long Tables => Interlocked.Read(ref _tables);

    public long Queues => Interlocked.Read(ref _queues);

    public long Total => Tables + Queues;

    /// <summary>Transactions spent on one kind of work since this process started.</summary>
    public long Of(StorageWork work) => Interlocked.Read(ref _byWork[(int)work]);

    /// <summary>Transactions by work, named as the metric's <c>work</c> tag names them.</summary>
    public IReadOnlyDictionary<string, long> ByWork() =>
        Enum.GetValues<StorageWork>().ToDictionary(w => WorkNames[(int)w], Of, StringComparer.Ordinal);

    /// <summary>Of <see cref="ByWork"/>, the requests to the Queue service (the rest went to the Table service).</summary>
    public IReadOnlyDictionary<string, long> QueuesByWork() =>
        Enum.GetValues<StorageWork>().ToDictionary(w => WorkNames[(int)w], w => Interlocked.Read(ref _queuesByWork[(int)w]), StringComparer.Ordinal);

    /// <summary>Counts what this flow (and the tasks it starts) spends against <paramref name="work"/> until disposed.</summary>
    public static WorkScope For(StorageWork work)
    {
        var previous = Current.Value;
        Current.Value = work;
        return new WorkScope(previous);
    }

    /// <summary>The policy to add to the Table service client's pipeline (per retry, so each attempt counts).</summary>
    public HttpPipelinePolicy ForTables() => new Counting(this, tables: true);

    /// <summary>The policy to add to the Queue service client's pipeline.</summary>
    public HttpPipelinePolicy ForQueues() => new Counting(this, tables: false);

    public readonly struct WorkScope(StorageWork previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }

    private sealed class Counting(StorageTransactions owner, bool tables) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            var work = Current.Value;
            Interlocked.Increment(ref owner._byWork[(int)work]);
            if (tables)
            {
                Interlocked.Increment(ref owner._tables);
            }
            else
            {
                Interlocked.Increment(ref owner._queues);
                Interlocked.Increment(ref owner._queuesByWork[(int)work]);
            }

            Counter.Add(1, new KeyValuePair<string, object?>("service", tables ? "table" : "queue"), new KeyValuePair<string, object?>("work", WorkNames[(int)work]));
        }
    }
}
