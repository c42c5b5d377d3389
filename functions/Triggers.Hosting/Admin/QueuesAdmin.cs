using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Triggers.Azure.Stores;
using Triggers.Core.Hosting;
using Triggers.Hosting.Admin.Access;
using Triggers.Hosting.Channels;

namespace Triggers.Hosting.Admin;

/// <summary>
/// <c>GET /api/admin/queues</c>: every queue's depth and the first poison messages with the error that stopped them;
/// <c>POST /api/admin/queues/{poison queue}/requeue</c>: sends poison messages back to the queue they came from, once the
/// cause is fixed. Depths are the instance's, as storage status is; poison messages are listed and requeued only for
/// the caller's tenants (a message is the tenant's when every signal or envelope in it is).
/// </summary>
public sealed partial class QueuesAdmin(QueueServiceClient queues, ChannelRegistry channels, ILogger<QueuesAdmin> logger)
{
    /// <summary>The poison queues a message can go back from, and where it goes. A failed touchpoint is not re-sent from here: it may have reached the person.</summary>
    private static readonly Dictionary<string, string> Requeueable = new(StringComparer.Ordinal)
    {
        [QueueNames.SignalsPoison] = QueueNames.Signals,
        [QueueNames.IngestPoison] = QueueNames.Ingest,
    };

    /// <summary>Stands for "no known tenant" among a message's tenants: only full-access keys see such a message.</summary>
    private const string Unattributed = "";

    private const int Peeked = 32;
    // At most this many messages a call, so the hold on each outlasts the call.
    private const int MaxRequeue = 500;
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(5);

    public sealed record QueueView(string Name, int Depth, bool Poison, string? RequeuesTo, IReadOnlyList<PoisonView> Messages);

    public sealed record Skipped(string Id, string Reason);

    public sealed record PoisonView(string Id, DateTimeOffset? InsertedAt, string? Error, long? DequeueCount, DateTimeOffset? FailedAt, IReadOnlyList<string> Tenants, bool Truncated, string Message);

    public async Task<IResult> ListAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = AdminCaller.Of(request.HttpContext);
        var ct = request.HttpContext.RequestAborted;
        var views = new List<QueueView>();
        foreach (var name in QueueNames.All)
        {
            var queue = queues.GetQueueClient(name);
            var depth = await DepthAsync(queue, ct);
            var poison = name.EndsWith("-poison", StringComparison.Ordinal);
            var messages = new List<PoisonView>();
            if (poison && depth > 0)
            {
                foreach (var peeked in (await queue.PeekMessagesAsync(Peeked, ct)).Value)
                {
                    if (Read(peeked.MessageId, peeked.InsertedOn, peeked.Body.ToString()) is var view && Visible(caller, view))
                    {
                        messages.Add(view);
                    }
                }
            }

            views.Add(new QueueView(name, depth, poison, Requeueable.GetValueOrDefault(name), messages));
        }

        return Results.Ok(views);
    }

    /// <summary>
    /// Body <c>{"ids": ["message id", …]}</c>, or none for every poison message the caller may see. Each is sent to its
    /// queue before it is deleted here, so none is lost; processing is idempotent on signal ids, so a crash between the
    /// two at worst repeats a message that is then deduplicated.
    /// </summary>
    public async Task<IResult> RequeueAsync(HttpRequest request, string queue)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Requeueable.TryGetValue(queue, out var target))
        {
            return AdminResults.Error(StatusCodes.Status400BadRequest, queue == QueueNames.TouchpointsPoison
                ? $"{queue} holds touchpoints that failed for good; they are not re-sent from here because one may have reached the person: plan a new touch instead."
                : $"'{queue}' is not a poison queue that can be requeued: use {string.Join(" or ", Requeueable.Keys)}.");
        }

        var (body, invalid) = await AdminResults.ReadJsonAsync(request);
        if (invalid is not null)
        {
            return invalid;
        }

        HashSet<string>? ids = null;
        if (body?["ids"] is { } idsNode)
        {
            if (idsNode is not JsonArray array || array.Any(i => i is not JsonValue v || v.GetValueKind() != JsonValueKind.String))
            {
                return AdminResults.Error(StatusCodes.Status400BadRequest, "ids must be an array of message ids as GET /api/admin/queues lists them, or absent for every message you may see.");
            }

            ids = array.Select(i => i!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        }

        var caller = AdminCaller.Of(request.HttpContext);
        var ct = request.HttpContext.RequestAborted;
        var poison = queues.GetQueueClient(queue);
        var destination = queues.GetQueueClient(target);
        var requeued = new List<string>();
        var skipped = new List<Skipped>();
        var held = new Dictionary<string, QueueMessage>(StringComparer.Ordinal);
        try
        {
            while (requeued.Count + held.Count < MaxRequeue && (ids is null || !ids.All(id => requeued.Contains(id) || skipped.Any(s => s.Id == id))))
            {
                var batch = (await poison.ReceiveMessagesAsync(Peeked, Hold, ct)).Value;
                if (batch.Length == 0 || batch.All(m => held.ContainsKey(m.MessageId)))
                {
                    break;
                }

                foreach (var message in batch)
                {
                    var view = Read(message.MessageId, message.InsertedOn, message.Body.ToString());
                    if (!Visible(caller, view) || (ids is not null && !ids.Contains(message.MessageId)))
                    {
                        held[message.MessageId] = message;
                        continue;
                    }

                    if (view.Truncated)
                    {
                        skipped.Add(new Skipped(message.MessageId, "the message was too large and was kept truncated, so it cannot be sent again as it was"));
                        held[message.MessageId] = message;
                        continue;
                    }

                    await destination.SendMessageAsync(view.Message, visibilityTimeout: null, timeToLive: QueueSignalQueue.NeverExpires, ct);
                    try
                    {
                        await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
                        requeued.Add(message.MessageId);
                    }
                    catch (RequestFailedException e) when (e.Status == StatusCodes.Status404NotFound)
                    {
                        skipped.Add(new Skipped(message.MessageId,
                            "it was sent back, but it was still in the poison queue when its hold ran out, so it shows there again: requeuing it again is harmless, as signals are deduplicated"));
                    }
                }
            }
        }
        finally
        {
            // What was not requeued is visible again at once, for the next look or the next caller.
            foreach (var message in held.Values)
            {
                await ReleaseAsync(poison, message);
            }
        }

        var missing = ids?.Except(requeued).Except(skipped.Select(s => s.Id)).Order(StringComparer.Ordinal).ToList() ?? [];
        Log.Requeued(logger, requeued.Count, queue, target, caller.Name);
        return Results.Ok(new { queue, to = target, requeued, skipped, notFound = missing });
    }

    private static async Task ReleaseAsync(QueueClient poison, QueueMessage message)
    {
        try
        {
            await poison.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None);
        }
        catch (RequestFailedException)
        {
            // Visible again anyway once the hold ends.
        }
    }

    private static async Task<int> DepthAsync(QueueClient queue, CancellationToken ct)
    {
        try
        {
            return (await queue.GetPropertiesAsync(ct)).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            return 0;
        }
    }

    private static bool Visible(AdminCaller caller, PoisonView view) =>
        caller.SeesAll || (view.Tenants.Count > 0 && view.Tenants.All(t => t != Unattributed && caller.MaySee(t)));

    /// <summary>A poison envelope (PoisonQueue) as staff read it; a message that is not one is shown whole as its own message.</summary>
    private PoisonView Read(string id, DateTimeOffset? insertedAt, string text)
    {
        var parsed = Processing.PoisonQueue.TryParse(text);
        if (parsed is not JsonObject envelope || !envelope.ContainsKey("message"))
        {
            return new PoisonView(id, insertedAt, null, null, null, [.. TenantsOf(parsed)], false, text);
        }

        var message = envelope["message"];
        var original = message is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : message?.ToJsonString() ?? string.Empty;
        return new PoisonView(
            id,
            insertedAt,
            AdminResults.Text(envelope, "error"),
            envelope["dequeueCount"] is JsonValue c && c.TryGetValue(out long count) ? count : null,
            envelope["failedAt"] is JsonValue f && f.TryGetValue(out DateTimeOffset failed) ? failed : null,
            [.. TenantsOf(message is JsonValue ? Processing.PoisonQueue.TryParse(original) : message)],
            envelope["truncated"] is JsonValue t && t.TryGetValue(out bool truncated) && truncated,
            original);
    }

    /// <summary>
    /// The tenants a signal message, a packed group of signals, an envelope or an array of envelopes names: a known
    /// channel's tenant and any tenant written in it, both (they disagree exactly when an envelope was refused for it).
    /// An item that names no known channel or tenant adds <see cref="Unattributed"/>, which no scoped key may see.
    /// </summary>
    private SortedSet<string> TenantsOf(JsonNode? node)
    {
        var tenants = new SortedSet<string>(StringComparer.Ordinal);
        void Add(JsonNode? item)
        {
            var found = false;
            if (item is JsonObject o && AdminResults.Text(o, "channel") is { } channel && channels.Find(channel) is { } known)
            {
                tenants.Add(known.Tenant);
                found = true;
            }

            if (item is JsonObject withTenant && AdminResults.Text(withTenant, "tenant") is { Length: > 0 } tenant)
            {
                tenants.Add(tenant);
                found = true;
            }

            if (!found)
            {
                tenants.Add(Unattributed);
            }
        }

        var items = node switch
        {
            JsonArray array => [.. array],
            JsonObject o when o["signals"] is JsonArray signals => [.. signals],
            _ => new List<JsonNode?> { node },
        };
        foreach (var item in items)
        {
            Add(item);
        }

        return tenants;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3412, Level = LogLevel.Information, Message = "Requeued {Count} message(s) from {Queue} to {Target} for admin key {Key}")]
        public static partial void Requeued(ILogger logger, int count, string queue, string target, string key);
    }
}
