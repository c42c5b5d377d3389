using System.Globalization;
using System.Text.Json;
using Triggers.Core.Signals;

namespace Triggers.Core.Envelopes;

/// <summary>
/// The platform-neutral way to send signals: one JSON object, or an array of 1 to <see cref="MaxBatch"/>
/// of them, each already in the normalised shape (docs/schemas/signal-envelope.schema.json). Used by the
/// generic webhook and by queue ingestion. A batch is all-or-nothing: any error means no signals.
/// </summary>
public static class SignalEnvelope
{
    public const int MaxBatch = 100;

    private const string BodyExpected = "a signal object or a JSON array of 1 to 100 signal objects";

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32 };

    public static EnvelopeResult Parse(ReadOnlySpan<byte> utf8Json, EnvelopeContext context)
    {
        CheckContext(context);
        var bom = utf8Json.StartsWith("\uFEFF"u8) ? 3 : 0;
        var body = utf8Json[bom..];
        if (body.Trim(" \t\r\n"u8).IsEmpty)
        {
            return Failed($"body is empty; expected {BodyExpected}");
        }

        if (EnvelopeBytes.FirstInvalidUtf8(body) is { } offset)
        {
            return Failed($"body is not valid UTF-8 (bad byte at offset {bom + offset})");
        }

        try
        {
            using var document = JsonDocument.Parse(body.ToArray(), DocumentOptions);
            return Parse(document.RootElement, context);
        }
        catch (JsonException ex)
        {
            return Failed(EnvelopeBytes.Describe(ex));
        }
    }

    public static EnvelopeResult Parse(JsonElement element, EnvelopeContext context)
    {
        CheckContext(context);
        var errors = new EnvelopeErrors();
        var reader = new SignalObjectReader(context, errors);
        var signals = new List<Signal>();
        var firstWithId = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (item, path) in Items(element, errors))
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(path, $"expected a signal object, got {EnvelopeValues.Describe(item)}");
                continue;
            }

            if (Read(reader, item, path, errors) is not { } signal)
            {
                continue;
            }

            // Two items with one id would collapse into one signal downstream, silently losing the second.
            if (!firstWithId.TryAdd(signal.DedupeKey, path))
            {
                errors.Add(
                    EnvelopePath.Property(path, EnvelopeFields.Id),
                    $"repeats the id of {firstWithId[signal.DedupeKey]}; each signal in a batch needs its own id");
            }

            signals.Add(signal);
        }

        return errors.Count == 0 ? new EnvelopeResult(signals, []) : new EnvelopeResult([], errors.ToList());
    }

    private static Signal? Read(SignalObjectReader reader, JsonElement item, string path, EnvelopeErrors errors)
    {
        try
        {
            return reader.Read(item, path);
        }
        catch (InvalidOperationException)
        {
            // A property name with invalid UTF-8 or a lone surrogate escape cannot even be read.
            errors.Add(path, "contains a property name that is not valid text (invalid UTF-8, or an escaped surrogate without its pair)");
            return null;
        }
    }

    private static IEnumerable<(JsonElement Item, string Path)> Items(JsonElement element, EnvelopeErrors errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                return [(element, EnvelopePath.Root)];
            case JsonValueKind.Array when element.GetArrayLength() is 0:
                errors.Add(EnvelopePath.Root, $"array is empty; expected {BodyExpected}");
                return [];
            case JsonValueKind.Array when element.GetArrayLength() > MaxBatch:
                errors.Add(EnvelopePath.Root, string.Create(
                    CultureInfo.InvariantCulture,
                    $"array has {element.GetArrayLength()} items; at most {MaxBatch} signals go in one request, so split the batch"));
                return [];
            case JsonValueKind.Array:
                return element.EnumerateArray().Select((item, index) => (item, EnvelopePath.Index(EnvelopePath.Root, index)));
            default:
                errors.Add(EnvelopePath.Root, $"expected {BodyExpected}, got {EnvelopeValues.Describe(element)}");
                return [];
        }
    }

    private static EnvelopeResult Failed(string message) => new([], [new EnvelopeError(EnvelopePath.Root, message)]);

    private static void CheckContext(EnvelopeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrEmpty(context.Channel, nameof(context));
        ArgumentException.ThrowIfNullOrEmpty(context.Platform, nameof(context));
        ArgumentException.ThrowIfNullOrEmpty(context.Tenant, nameof(context));
    }
}
