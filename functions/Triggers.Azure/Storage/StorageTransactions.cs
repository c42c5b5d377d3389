using System.Diagnostics.Metrics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Triggers.Azure.Storage;

/// <summary>
/// Counts storage transactions (every HTTP request to the Table or Queue service, each retry included): what Azure bills
/// and what bounds throughput on Azurite. Published as the metric <c>triggers.storage.transactions</c> (meter
/// <see cref="MeterName"/>, tag <c>service</c>) and readable in-process for tests and the load benchmark.
/// </summary>
public sealed class StorageTransactions
{
    public const string MeterName = "Triggers.Storage";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Counter = Meter.CreateCounter<long>("triggers.storage.transactions", description: "Requests to the Table and Queue services, retries included");

    private long _tables;
    private long _queues;

    public long Tables => Interlocked.Read(ref _tables);

    public long Queues => Interlocked.Read(ref _queues);

    public long Total => Tables + Queues;

    /// <summary>The policy to add to the Table service client's pipeline (per retry, so each attempt counts).</summary>
    public HttpPipelinePolicy ForTables() => new Counting(this, tables: true);

    /// <summary>The policy to add to the Queue service client's pipeline.</summary>
    public HttpPipelinePolicy ForQueues() => new Counting(this, tables: false);

    private sealed class Counting(StorageTransactions owner, bool tables) : HttpPipelineSynchronousPolicy
    {
        private static readonly KeyValuePair<string, object?> Table = new("service", "table");
        private static readonly KeyValuePair<string, object?> Queue = new("service", "queue");

        public override void OnSendingRequest(HttpMessage message)
        {
            if (tables)
            {
                Interlocked.Increment(ref owner._tables);
                Counter.Add(1, Table);
            }
            else
            {
                Interlocked.Increment(ref owner._queues);
                Counter.Add(1, Queue);
            }
        }
    }
}
