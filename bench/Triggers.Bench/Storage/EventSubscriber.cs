using System.Runtime.InteropServices;
using System.Text.Json;
using Triggers.Azure.Storage;

namespace Triggers.Bench.Storage;

/// <summary>
/// Consumes queue <c>touchpoint-events</c> as a subscriber would, until SIGTERM or SIGINT, then prints how many messages it
/// took as one JSON line. bench/load runs it beside the host: Azurite keeps every queue's messages in one collection and
/// scans it on each receive and delete, so an events queue nobody reads would slow the signals queue the run measures.
/// </summary>
internal static class EventSubscriber
{
    public static async Task<int> RunAsync(string connectionString)
    {
        var connection = StorageConnection.FromSettings(key => key == "AzureWebJobsStorage" ? connectionString : null);
        var queue = connection.CreateQueueServiceClient().GetQueueClient("touchpoint-events");
        await queue.CreateIfNotExistsAsync();
        using var stop = new CancellationTokenSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        long consumed = 0;

        // Two receivers: enough to keep up with one host's events, few enough not to compete with it for Azurite.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5), stop.Token)).Value;
                    if (batch.Length == 0)
                    {
                        await Task.Delay(200, stop.Token);
                        continue;
                    }

                    await Task.WhenAll(batch.Select(m => queue.DeleteMessageAsync(m.MessageId, m.PopReceipt, stop.Token)));
                    Interlocked.Add(ref consumed, batch.Length);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (global::Azure.RequestFailedException)
                {
                    // A message handed to the other receiver too, or Azurite briefly away: poll again.
                }
            }
        }));

        Console.WriteLine(JsonSerializer.Serialize(new { consumed }));
        return 0;
    }
}
