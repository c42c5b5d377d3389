using System.Collections.Concurrent;

namespace Triggers.Core.JsonLogic.Values;

/// <summary>
/// Short string values shared between data objects as they are read in (as V8's JSON.parse internalises short
/// strings): every signal's <c>"message"</c> or <c>"negative"</c> becomes one instance, which stays in the CPU cache.
/// Shared instances are unique per text, so two shared strings are equal exactly when they are the same instance
/// (<see cref="JsVal.IsSharedString"/>): a literal in the logic, read in the same way, is compared with the data by
/// reference alone. Bounded: past <see cref="Limit"/> texts, new ones are used as they are (only compared more slowly).
/// </summary>
internal static class StringValues
{
    /// <summary>Longer strings are rarely repeated (texts, timestamps) and not worth hashing.</summary>
    public const int MaxLength = 24;

    public const int Limit = 16384;

    private static readonly ConcurrentDictionary<string, string> Table = new(StringComparer.Ordinal);

    /// <summary>The value, shared when it can be (see <see cref="JsVal.IsSharedString"/>).</summary>
    public static JsVal Of(string value)
    {
        if (value.Length > MaxLength)
        {
            return JsVal.String(value);
        }

        if (Table.TryGetValue(value, out var known))
        {
            return JsVal.SharedString(known);
        }

        return Table.Count < Limit ? JsVal.SharedString(Table.GetOrAdd(value, value)) : JsVal.String(value);
    }
}
