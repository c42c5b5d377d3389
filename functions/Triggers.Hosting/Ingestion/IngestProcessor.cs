using System.Text.Json;
using Microsoft.Extensions.Options;
using Triggers.Hosting.Channels;
using Triggers.Hosting.Processing;
using Triggers.Hosting.Webhooks;
using Triggers.Core.Envelopes;
using Triggers.Core.Hosting;
using Triggers.Core.Signals;

namespace Triggers.Hosting.Ingestion;

/// <summary>
/// Queue <c>ingest</c>: signal envelopes from upstream relays (a Taobao TMC bridge, a Bilibili live bridge, an
/// order system). Each message is one envelope or an array of up to 100, every element naming its configured
/// <c>channel</c>. The whole message is validated before anything is enqueued: an invalid one goes to
/// <c>ingest-poison</c> with every validation error and nothing from it is stored.
/// </summary>
public sealed partial class IngestProcessor(
    ChannelRegistry channels,
    SignalIngestor ingestor,
    PoisonQueue poison,
    IOptions<ProcessingOptions> options,
    TimeProvider time,
    ILogger<IngestProcessor> logger) : IQueueMessageProcessor
{
    public string QueueName => QueueNames.Ingest;

    public async Task<ProcessingOutcome> ProcessAsync(string messageText, long dequeueCount, CancellationToken cancellationToken)
    {
        var (signals, errors) = Validate(messageText);
        if (errors.Count > 0)
        {
            var error = string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}"));
            // The copy kept for operators loses any phone number: only the envelope's hashing may see one.
            await poison.SendAsync(QueueNames.IngestPoison, Core.People.IdentityKeys.RedactPhones(messageText), error, dequeueCount, cancellationToken);
            Log.Invalid(logger, errors.Count, error);
            return ProcessingOutcome.Poisoned;
        }

        try
        {
            var enqueued = await ingestor.IngestAsync(signals, cancellationToken);
            Log.Ingested(logger, signals.Count, enqueued);
            return ProcessingOutcome.Processed;
        }
        catch (Exception ex) when (dequeueCount >= options.Value.MaxDequeueCount && !cancellationToken.IsCancellationRequested)
        {
            await poison.SendAsync(QueueNames.IngestPoison, Core.People.IdentityKeys.RedactPhones(messageText), ex.Message, dequeueCount, cancellationToken);
            Log.GaveUp(logger, dequeueCount, ex.Message);
            return ProcessingOutcome.Poisoned;
        }
    }

    internal (IReadOnlyList<Signal> Signals, IReadOnlyList<EnvelopeError> Errors) Validate(string messageText)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(messageText);
        }
        catch (JsonException ex)
        {
            return ([], [new EnvelopeError("$", $"the message is not JSON: {ex.Message}")]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() is 0 or > SignalEnvelope.MaxBatch)
            {
                return ([], [new EnvelopeError("$", $"an array must hold 1 to {SignalEnvelope.MaxBatch} envelopes")]);
            }

            IEnumerable<(string Path, JsonElement Element)> elements = root.ValueKind == JsonValueKind.Array
                ? root.EnumerateArray().Select((e, i) => ($"$[{i}]", e))
                : [("$", root)];
            var signals = new List<Signal>();
            var errors = new List<EnvelopeError>();
            foreach (var (path, element) in elements)
            {
                if (ContextFor(path, element, errors) is not { } context)
                {
                    continue;
                }

                var result = SignalEnvelope.Parse(element, context);
                errors.AddRange(result.Errors.Select(e => e with { Path = path + e.Path.TrimStart('$') }));
                signals.AddRange(result.Signals);
            }

            return errors.Count > 0 ? ([], errors) : (signals, errors);
        }
    }

    private EnvelopeContext? ContextFor(string path, JsonElement element, List<EnvelopeError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new EnvelopeError(path, "expected a JSON object (a signal envelope)"));
            return null;
        }

        if (!element.TryGetProperty("channel", out var channelValue) || channelValue.ValueKind != JsonValueKind.String)
        {
            errors.Add(new EnvelopeError(path + ".channel", "required: the name of a configured channel (Channels:{name})"));
            return null;
        }

        var channel = channels.Find(channelValue.GetString()!);
        if (channel is null)
        {
            errors.Add(new EnvelopeError(path + ".channel", $"'{channelValue.GetString()}' is not a configured channel"));
            return null;
        }

        // A relay channel configured as generic may name the platform its signals came from (taobao, bilibili…).
        var platform = channel.Platform == "generic"
            && element.TryGetProperty("platform", out var p) && p.ValueKind == JsonValueKind.String && p.GetString() is { Length: > 0 } named
            ? named
            : channel.Platform;
        return new EnvelopeContext(channel.Name, platform, channel.Tenant, time.GetUtcNow(), channel.PhoneSalt);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Ingested {Count} signal(s) from queue ingest ({Enqueued} new)")]
        public static partial void Ingested(ILogger logger, int count, int enqueued);

        [LoggerMessage(EventId = 3302, Level = LogLevel.Warning, Message = "Ingest message rejected to ingest-poison with {Count} error(s): {Errors}")]
        public static partial void Invalid(ILogger logger, int count, string errors);

        [LoggerMessage(EventId = 3303, Level = LogLevel.Error, Message = "Ingest message moved to ingest-poison after {DequeueCount} attempt(s): {Error}")]
        public static partial void GaveUp(ILogger logger, long dequeueCount, string error);
    }
}
