using System.Text.Json;
using System.Text.Json.Serialization;
using Triggers.Core.Signals;

namespace Triggers.Core.Processing;

/// <summary>The JSON form of a signal on queue <c>signals</c>.</summary>
public static class SignalMessage
{
    /// <summary>Queue messages are base64-encoded (as the Functions trigger expects), so JSON must stay under 48 KiB.</summary>
    public const int MaxJsonBytes = 45 * 1024;

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Serialises the signal; drops the raw payload copy if it would not fit in one queue message.</summary>
    public static string Serialize(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var json = JsonSerializer.Serialize(signal, Options);
        if (System.Text.Encoding.UTF8.GetByteCount(json) <= MaxJsonBytes || signal.Raw is null)
        {
            return json;
        }

        return JsonSerializer.Serialize(signal with { Raw = null, RawFormat = "truncated" }, Options);
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
}
