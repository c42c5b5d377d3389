using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Triggers.Core.JsonLogic.Values;

/// <summary>
/// The keys of an object, in order, shared by every object with the same keys (as JavaScript engines share hidden
/// classes): each signal's data has the same few shapes, so their key arrays stay in the cache instead of being
/// copied into every object. Keys are <see cref="KeyNames"/> instances, so shapes compare keys by reference.
/// </summary>
internal sealed class ObjectShape
{
    public const int Limit = 4096;

    public static readonly ObjectShape Empty = new([]);

    // Past this many keys a scan costs more than hashing the key once.
    private const int ScanLimit = 12;

    private static readonly ConcurrentDictionary<string[], ObjectShape> Shared = new(new SameKeys());

    private ObjectShape(string[] keys)
    {
        Keys = keys;
        if (keys.Length > ScanLimit)
        {
            Index = new Dictionary<string, int>(keys.Length, StringComparer.Ordinal);
            for (var i = 0; i < keys.Length; i++)
            {
                Index[keys[i]] = i;
            }
        }
    }

    public string[] Keys { get; }

    public Dictionary<string, int>? Index { get; }

    /// <summary>The shared shape with these keys (distinct); the array is kept when it makes a new shape.</summary>
    public static ObjectShape For(string[] keys)
    {
        if (keys.Length == 0)
        {
            return Empty;
        }

        if (Shared.TryGetValue(keys, out var shape))
        {
            return shape;
        }

        return Shared.Count < Limit ? Shared.GetOrAdd(keys, static k => new ObjectShape(k)) : new ObjectShape(keys);
    }

    /// <summary>A shape not shared with anything (the evaluator's own scope objects).</summary>
    public static ObjectShape Private(string[] keys) => new(keys);

    private sealed class SameKeys : IEqualityComparer<string[]>
    {
        public bool Equals(string[]? x, string[]? y)
        {
            if (x is null || y is null || x.Length != y.Length)
            {
                return ReferenceEquals(x, y);
            }

            for (var i = 0; i < x.Length; i++)
            {
                if (!string.Equals(x[i], y[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(string[] obj)
        {
            var hash = new HashCode();
            foreach (var key in obj)
            {
                // Canonical keys: the instance identifies the text (and equal texts that are not canonical only miss sharing).
                hash.Add(RuntimeHelpers.GetHashCode(key));
            }

            return hash.ToHashCode();
        }
    }
}
