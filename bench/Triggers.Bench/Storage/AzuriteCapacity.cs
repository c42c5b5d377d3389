using Azure;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Triggers.Azure.Storage;

namespace Triggers.Bench.Storage;

/// <summary>
/// The storage service's raw capacity for the operations Triggers uses, measured from this process with the SDK clients
/// the app uses: the physical limit a load run is compared with (bench/load). One JSON line per operation on stdout.
/// </summary>
internal static class AzuriteCapacity
{
    public static async Task<int> RunAsync(string connectionString, TimeSpan duration, int concurrency)
    {
        var connection = StorageConnection.FromSettings(key => key == "AzureWebJobsStorage" ? connectionString : null);
        var run = Guid.NewGuid().ToString("N")[..8];
        var table = connection.CreateTableServiceClient().GetTableClient("Capacity" + run);
        var queues = connection.CreateQueueServiceClient();
        var queue = queues.GetQueueClient("capacity-" + run);
        await table.CreateIfNotExistsAsync();
        await queue.CreateIfNotExistsAsync();
        try
        {
            var next = 0L;
            string Key() => Interlocked.Increment(ref next).ToString("D12", CultureInfo.InvariantCulture);
            TableEntity Entity(string partition) => new(partition, Key()) { ["State"] = "pending", ["DedupeKey"] = "k" };

            await MeasureAsync("table.insert", 1, duration, concurrency, w => table.AddEntityAsync(Entity($"p{w % 4}")));
            await MeasureAsync("table.transaction.5", 5, duration, concurrency, w =>
                table.SubmitTransactionAsync(Enumerable.Range(0, 5).Select(_ => new TableTransactionAction(TableTransactionActionType.Add, Entity($"p{w % 4}")))));
            await MeasureAsync("table.transaction.25", 25, duration, concurrency, w =>
                table.SubmitTransactionAsync(Enumerable.Range(0, 25).Select(_ => new TableTransactionAction(TableTransactionActionType.Add, Entity($"p{w % 4}")))));
            await table.UpsertEntityAsync(new TableEntity("read", "one") { ["State"] = "enqueued" });
            await MeasureAsync("table.read", 1, duration, concurrency, _ => table.GetEntityAsync<TableEntity>("read", "one"));
            await MeasureAsync("table.upsert", 1, duration, concurrency, w => table.UpsertEntityAsync(new TableEntity("upsert", $"w{w}") { ["State"] = "enqueued" }, TableUpdateMode.Merge));
            await MeasureQueueAsync(queue, "", duration, concurrency);

            // Azurite keeps the messages of every queue in one collection and scans it on each receive and delete, so
            // its queue capacity falls as messages pile up anywhere in the account (Azure's does not): measured again
            // with a ballast of messages in another queue.
            var ballast = queues.GetQueueClient("capacity-ballast-" + run);
            await ballast.CreateIfNotExistsAsync();
            try
            {
                foreach (var depth in BallastDepths)
                {
                    await FillAsync(ballast, depth, concurrency);
                    await MeasureQueueAsync(queue, $"@{depth}", duration, concurrency);
                }
            }
            finally
            {
                await ballast.DeleteAsync();
            }

            return 0;
        }
        finally
        {
            await table.DeleteAsync();
            await queue.DeleteAsync();
        }
    }

    /// <summary>The ballast sizes (messages in another queue) at which queue operations are measured again.</summary>
    private static readonly int[] BallastDepths = [2_000, 10_000];

    private static async Task MeasureQueueAsync(QueueClient queue, string suffix, TimeSpan duration, int concurrency)
    {
        await MeasureAsync("queue.send" + suffix, 1, duration, concurrency, _ => queue.SendMessageAsync("{\"id\":\"capacity\"}"));

        // Receives and deletes apart, each a single request, so a slow one does not hide behind the other.
        var received = new System.Collections.Concurrent.ConcurrentQueue<global::Azure.Storage.Queues.Models.QueueMessage>();
        await MeasureAsync("queue.receive.32" + suffix, 0, duration, concurrency, async _ =>
        {
            var messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value;
            foreach (var message in messages)
            {
                received.Enqueue(message);
            }

            return messages.Length;
        });
        await MeasureAsync("queue.delete" + suffix, 1, duration, concurrency, async _ =>
        {
            if (!received.TryDequeue(out var message))
            {
                return -1;
            }

            try
            {
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Azurite handed the message to two receivers (its visibility bookkeeping under load).
            }

            return 1;
        });
    }

    private static async Task FillAsync(QueueClient ballast, int depth, int concurrency)
    {
        var clock = Stopwatch.StartNew();
        var have = (await ballast.GetPropertiesAsync()).Value.ApproximateMessagesCount;
        var left = depth - have;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Decrement(ref left) >= 0)
            {
                await ballast.SendMessageAsync("{\"id\":\"ballast\"}", timeToLive: TimeSpan.FromHours(1));
            }
        }));
        await Console.Error.WriteLineAsync($"capacity: {depth} messages of ballast in another queue ({clock.Elapsed.TotalSeconds:0} s to fill)");
    }

    private static Task MeasureAsync<T>(string operation, int perCall, TimeSpan duration, int concurrency, Func<int, Task<T>> call) =>
        MeasureCountingAsync(operation, duration, concurrency, async w =>
        {
            var result = await call(w);
            return result is int n && (perCall == 0 || n < 0) ? n : perCall;
        });

    private static async Task MeasureCountingAsync(string operation, TimeSpan duration, int concurrency, Func<int, Task<int>> call)
    {
        long calls = 0, items = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async w =>
        {
            while (clock.Elapsed < duration)
            {
                // One request per call.
                var n = await call(w);
                if (n < 0)
                {
                    return; // nothing left to work on
                }

                Interlocked.Increment(ref calls);
                Interlocked.Add(ref items, n);
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            operation,
            concurrency,
            requestsPerSecond = Math.Round(calls / seconds),
            itemsPerSecond = Math.Round(items / seconds),
        }));
    }
}
