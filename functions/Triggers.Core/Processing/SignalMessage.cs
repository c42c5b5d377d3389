using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Triggers.Core.Signals;

namespace Triggers.Core.Processing;

/// <summary>
/// The JSON forms of signals on queue <c>signals</c>: one signal as its own JSON object, or a group
/// <c>{"attempts":n,"signals":[...]}</c> that ingest's group commit writes so many signals share one queue transaction.
/// <c>attempts</c> counts failed attempts a signal had before it was split out of an earlier group, so the configured
/// attempts hold per signal whichever message carries it.
/// </summary>
public static class SignalMessage
{
    /// <summary>Queue messages are base64-encoded (as the Functions trigger expects), so JSON must stay under 48 KiB.</summary>
    public const int MaxJsonBytes = 45 * 1024;

    private const string GroupPrefix = "{\"attempts\":";

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Serialises the signal; drops the raw payload copy if it would not fit in one queue message.</summary>
    public static string Serialize(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var json = JsonSerializer.Serialize(signal, Options);
        if (Encoding.UTF8.GetByteCount(json) <= MaxJsonBytes || signal.Raw is null)
        {
            return json;
        }

        return JsonSerializer.Serialize(signal with { Raw = null, RawFormat = "truncated" }, Options);
    }

    /// <summary>
    /// Packs signals, in order, into as few messages as fit <see cref="MaxJsonBytes"/>. A lone signal with no earlier
    /// attempts stays a plain signal message.
    /// </summary>
    public static IReadOnlyList<string> Pack(IReadOnlyList<Signal> signals, int attempts = 0)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentOutOfRangeException.ThrowIfNegative(attempts);
        if (signals.Count == 1 && attempts == 0)
        {
            return [Serialize(signals[0])];
        }

        var messages = new List<string>();
        var current = new StringBuilder();
        var currentBytes = 0;
        var head = $"{GroupPrefix}{attempts},\"signals\":[";
        var headBytes = Encoding.UTF8.GetByteCount(head) + 2;
        foreach (var signal in signals)
        {
            var json = Serialize(signal);
            var bytes = Encoding.UTF8.GetByteCount(json);
            if (current.Length > 0 && currentBytes + 1 + bytes + headBytes > MaxJsonBytes)
            {
                messages.Add(current.Append("]}").ToString());
                current.Clear();
            }

            if (current.Length == 0)
            {
                current.Append(head).Append(json);
                currentBytes = bytes;
            }
            else
            {
                current.Append(',').Append(json);
                currentBytes += 1 + bytes;
            }
        }

        if (current.Length > 0)
        {
            messages.Add(current.Append("]}").ToString());
        }

        return messages;
    }

    /// <summary>Parses a queue message; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static Signal Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Signal>(json, Options)
                ?? throw new FormatException("The signal message is the JSON literal null.");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The signal message is not a valid signal: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Reads a message of either form into its items, each with its own JSON (so one can be retried or poisoned alone).
    /// Throws <see cref="FormatException"/> when the message as a whole is unreadable; an unreadable item of a readable
    /// group comes back with its error instead.
    /// </summary>
    public static SignalGroup Read(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!message.StartsWith(GroupPrefix, StringComparison.Ordinal))
        {
            return new SignalGroup(0, false, [new SignalItem(message, Deserialize(message), null)]);
        }

        try
        {
            using var document = JsonDocument.Parse(message);
            var root = document.RootElement;
            if (!root.TryGetProperty("attempts", out var attemptsElement) || !attemptsElement.TryGetInt32(out var attempts) || attempts < 0
                || !root.TryGetProperty("signals", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
            {
                throw new FormatException("The signal group message needs \"attempts\" (a whole number, 0 or more) and \"signals\" (a non-empty array).");
            }

            var items = new List<SignalItem>(list.GetArrayLength());
            foreach (var element in list.EnumerateArray())
            {
                var json = element.GetRawText();
                try
                {
                    items.Add(new SignalItem(json, Deserialize(json), null));
                }
                catch (FormatException ex)
                {
                    items.Add(new SignalItem(json, null, ex.Message));
                }
            }

            return new SignalGroup(attempts, true, items);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The signal group message is not valid JSON: {ex.Message}", ex);
        }
    }
}

/// <summary>What one queue message carries: its signals, and how many attempts they had before this message.</summary>
public sealed record SignalGroup(int Attempts, bool Grouped, IReadOnlyList<SignalItem> Items);

/// <summary>One signal of a message: its JSON, and either the signal or why it could not be read.</summary>
public sealed record SignalItem(string Json, Signal? Signal, string? Error);
