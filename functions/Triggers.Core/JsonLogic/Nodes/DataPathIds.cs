using System.Collections.Concurrent;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary>
/// A number for every literal <c>var</c> path the process has compiled, so <see cref="JsonLogicData"/> can remember
/// resolved values in an array. Bounded: past <see cref="Limit"/> distinct paths, new paths are simply not remembered.
/// </summary>
internal static class DataPathIds
{
    public const int Limit = 4096;

    private static readonly ConcurrentDictionary<string, int> Ids = new(StringComparer.Ordinal);
    private static int _count;

    public static int Count => Volatile.Read(ref _count);

    /// <summary>The path's number, or -1 when the table is full.</summary>
    public static int For(string path)
    {
        if (Ids.TryGetValue(path, out var id))
        {
            return id;
        }

        lock (Ids)
        {
            if (Ids.TryGetValue(path, out id))
            {
                return id;
            }

            if (_count >= Limit)
            {
                return -1;
            }

            id = _count;
            Ids[path] = id;
            Volatile.Write(ref _count, id + 1);
            return id;
        }
    }
}
