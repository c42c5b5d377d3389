using System.Text.Json;
using System.Text.Json.Nodes;
using Triggers.Azure.Storage;

namespace Triggers.Bench.Storage;

/// <summary>
/// Takes every message off queue <c>touchpoint-events</c> and prints, as one JSON line, how many there were, how many
/// distinct event ids (what a subscriber with duplicate detection sees), and the distinct events per tenant and type.
/// The fault script compares them with what it sent.
/// </summary>
internal static class EventCount
{
    public static async Task<int> RunAsync(string connectionString)
    {
        var connection = StorageConnection.FromSettings(key => key == "AzureWebJobsStorage" ? connectionString : null);
        var queue = connection.CreateQueueServiceClient().GetQueueClient("touchpoint-events");
        var copies = 0;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var byTenantAndType = new Dictionary<string, int>(StringComparer.Ordinal);
        var gate = new Lock();

        // Eight receivers, each deleting its batch at once: Azurite serves queue receives slowly, one at a time.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            while (true)
            {
                var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(10))).Value;
                if (batch.Length == 0)
                {
                    return;
                }

                lock (gate)
                {
                    foreach (var message in batch)
                    {
                        var cloudEvent = JsonNode.Parse(message.Body.ToString())!;
                        copies++;
                        if (ids.Add((string)cloudEvent["id"]!))
                        {
                            var key = $"{(string?)cloudEvent["data"]?["tenant"]}|{(string?)cloudEvent["type"]}";
                            byTenantAndType[key] = byTenantAndType.GetValueOrDefault(key) + 1;
                        }
                    }
                }

                await Task.WhenAll(batch.Select(m => queue.DeleteMessageAsync(m.MessageId, m.PopReceipt)));
            }
        }));

        Console.WriteLine(JsonSerializer.Serialize(new { copies, distinct = ids.Count, byTenantAndType }));
        return 0;
    }
}
