using Azure.Storage.Queues;
using Triggers.Azure.Storage;
using Azure.Data.Tables;
using Triggers.Testing;

namespace Triggers.App.Tests.Infrastructure;

/// <summary>Direct access to the test run's Azurite, through the same clients the app uses.</summary>
internal static class TestStorage
{
    public static StorageConnection Connection(AzuriteFixture azurite) =>
        StorageConnection.FromSettings(key => key == "AzureWebJobsStorage" ? azurite.ConnectionString : null);

    public static TableClient Table(AzuriteFixture azurite, string name) =>
        Connection(azurite).CreateTableServiceClient().GetTableClient(name);

    public static QueueClient Queue(AzuriteFixture azurite, string name) =>
        Connection(azurite).CreateQueueServiceClient().GetQueueClient(name);

    /// <summary>How many dedupe markers a channel has (over its partitions): one is written before any signal of it is enqueued.</summary>
    public static async Task<int> DedupeMarkerCountAsync(AzuriteFixture azurite, string channel, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in Table(azurite, "Dedupe").QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {channel + "~"} and PartitionKey lt {channel + "~~"}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// Every touchpoint event of <paramref name="tenant"/> now on queue touchpoint-events, as parsed CloudEvents. Takes them
    /// off the queue; other tenants' events are left invisible for a while (a collection's app tests run one class at a time,
    /// each collection on its own Azurite).
    /// </summary>
    public static async Task<List<System.Text.Json.Nodes.JsonObject>> TouchpointEventsAsync(AzuriteFixture azurite, string tenant, CancellationToken cancellationToken)
    {
        var queue = Queue(azurite, "touchpoint-events");
        var found = new List<System.Text.Json.Nodes.JsonObject>();
        while (true)
        {
            var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(10), cancellationToken)).Value;
            if (batch.Length == 0)
            {
                return found;
            }

            foreach (var message in batch)
            {
                var cloudEvent = System.Text.Json.Nodes.JsonNode.Parse(message.Body.ToString())!.AsObject();
                if ((string?)cloudEvent["data"]?["tenant"] == tenant)
                {
                    found.Add(cloudEvent);
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                }
            }
        }
    }

    /// <summary>Looks through a poison queue for a message that matches, for up to 10 s.</summary>
    public static async Task<string?> FindPoisonAsync(AzuriteFixture azurite, Func<string, bool> match, string poisonQueue = "signals-poison")
    {
        var queue = Queue(azurite, poisonQueue);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Generous: the poison queue is shared by the collection's tests, so the message may come after others'.
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            foreach (var message in (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(1), CancellationToken.None)).Value)
            {
                if (match(message.Body.ToString()))
                {
                    return message.Body.ToString();
                }
            }

            await Task.Delay(200);
        }

        return null;
    }
}
