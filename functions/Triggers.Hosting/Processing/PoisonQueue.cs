using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Triggers.Azure.Stores;
using Triggers.Core.Processing;

namespace Triggers.Hosting.Processing;

/// <summary>Poison queues (<c>signals-poison</c>, <c>ingest-poison</c>): the original message with the error that stopped it.</summary>
public sealed class PoisonQueue(QueueServiceClient queues, TimeProvider time)
{
    private const int MaxErrorChars = 2000;

    public async Task SendAsync(string poisonQueue, string message, string error, long dequeueCount, CancellationToken cancellationToken)
    {
        await queues.GetQueueClient(poisonQueue)
            .SendMessageAsync(Envelope(message, error, dequeueCount), visibilityTimeout: null, timeToLive: QueueSignalQueue.NeverExpires, cancellationToken);
    }

    internal string Envelope(string message, string error, long dequeueCount)
    {
        var envelope = new JsonObject
        {
            // Kept as JSON when it is JSON, so it can be read (and re-queued) without unescaping.
            ["message"] = TryParse(message) ?? JsonValue.Create(message),
            ["error"] = error.Length > MaxErrorChars ? error[..MaxErrorChars] : error,
            ["dequeueCount"] = dequeueCount,
            ["failedAt"] = time.GetUtcNow(),
        };
        var json = envelope.ToJsonString();
        if (Encoding.UTF8.GetByteCount(json) <= SignalMessage.MaxJsonBytes)
        {
            return json;
        }

        envelope["message"] = message[..Math.Min(message.Length, SignalMessage.MaxJsonBytes / 4)];
        envelope["truncated"] = true;
        return envelope.ToJsonString();
    }

    /// <summary>The text as JSON, or null when it is not JSON (a message may be anything).</summary>
    internal static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
