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
        var queue = connection.CreateQueueServiceClient().GetQueueClient("capacity-" + run);
        await table.CreateIfNotExistsAsync();
        await queue.CreateIfNotExistsAsync();
        try
        {
            var next = 0L;
            string Key() => Interlocked.Increment(ref next).ToString("D12", CultureInfo.InvariantCulture);
            TableEntity Entity(string partition) => new(partition, Key()) { ["State"] = "pending", ["DedupeKey"] = "k" };

            await MeasureAsync("table.insert", 1, duration, concurrency, w => table.AddEntityAsync(Entity($"p{w % 4}")));
            await MeasureAsync("table.transaction.25", 25, duration, concurrency, w =>
                table.SubmitTransactionAsync(Enumerable.Range(0, 25).Select(_ => new TableTransactionAction(TableTransactionActionType.Add, Entity($"p{w % 4}")))));
            await table.UpsertEntityAsync(new TableEntity("read", "one") { ["State"] = "enqueued" });
            await MeasureAsync("table.read", 1, duration, concurrency, _ => table.GetEntityAsync<TableEntity>("read", "one"));
            await MeasureAsync("table.upsert", 1, duration, concurrency, w => table.UpsertEntityAsync(new TableEntity("upsert", $"w{w}") { ["State"] = "enqueued" }, TableUpdateMode.Merge));
            await MeasureAsync("queue.send", 1, duration, concurrency, _ => queue.SendMessageAsync("{\"id\":\"capacity\"}"));
            await MeasureAsync("queue.receive.32+delete", 0, duration, concurrency, async _ =>
            {
                var messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value;
                var deleted = 0;
                foreach (var message in messages)
                {
                    try
                    {
                        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                        deleted++;
                    }
                    catch (RequestFailedException ex) when (ex.Status == 404)
                    {
                        // Azurite handed the message to another receiver too (its visibility bookkeeping under load).
                    }
                }

                return deleted;
            });
            return 0;
        }
        finally
        {
            await table.DeleteAsync();
            await queue.DeleteAsync();
        }
    }

    private static Task MeasureAsync<T>(string operation, int perCall, TimeSpan duration, int concurrency, Func<int, Task<T>> call) =>
        MeasureCountingAsync(operation, duration, concurrency, async w =>
        {
            var result = await call(w);
            return perCall > 0 ? perCall : result is int n ? n : 1;
        });

    private static async Task MeasureCountingAsync(string operation, TimeSpan duration, int concurrency, Func<int, Task<int>> call)
    {
        long calls = 0, items = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async w =>
        {
            while (clock.Elapsed < duration)
            {
                // A request per call, plus one per deleted message: what the service had to serve.
                var n = await call(w);
                Interlocked.Increment(ref calls);
                Interlocked.Add(ref items, n);
                if (operation.StartsWith("queue.receive", StringComparison.Ordinal))
                {
                    Interlocked.Add(ref calls, n);
                }
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
