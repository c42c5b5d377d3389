namespace Triggers.Core.JsonLogic.Values;

/// <summary>
/// Short string values shared between data objects as they are read in (as V8's JSON.parse internalises short
/// strings): every signal's <c>"message"</c> or <c>"negative"</c> becomes one instance, which stays in the CPU cache and
/// which a literal in the logic (read in the same way) matches by reference before any characters are compared. A
/// fixed table of slots, each holding the last string that hashed to it: bounded whatever the data, never a
/// correctness matter (equal strings that are different instances still compare equal, only more slowly).
/// </summary>
internal static class StringValues
{
    /// <summary>Longer strings are rarely repeated (texts, timestamps) and not worth hashing.</summary>
    public const int MaxLength = 24;

    private const int Slots = 4096;

    private static readonly string?[] Table = new string?[Slots];

    public static string Shared(string value)
    {
        if (value.Length > MaxLength || value.Length == 0)
        {
            return value;
        }

        var slot = (int)((uint)string.GetHashCode(value.AsSpan()) % Slots);

        // Reads and writes of a reference are atomic: another thread can only replace a slot's string with another.
        var known = Table[slot];
        if (known is not null && string.Equals(known, value))
        {
            return known;
        }

        Table[slot] = value;
        return value;
    }
}
