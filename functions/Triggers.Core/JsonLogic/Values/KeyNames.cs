using System.Collections.Concurrent;

namespace Triggers.Core.JsonLogic.Values;

/// <summary>
/// One shared instance per object key: the data's keys and the paths' segments both come from here, so a lookup
/// matches by reference without reading the key's characters, and every signal's data shares the same key strings
/// (which stay in the cache). Bounded: past <see cref="Limit"/> distinct keys, new ones are used as they are, which
/// is only slower (lookups fall back to comparing characters).
/// </summary>
internal static class KeyNames
{
    public const int Limit = 8192;

    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);

    public static string Canonical(string key)
    {
        if (Names.TryGetValue(key, out var known))
        {
            return known;
        }

        return Names.Count < Limit ? Names.GetOrAdd(key, key) : key;
    }
}
