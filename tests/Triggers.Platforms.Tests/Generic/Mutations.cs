namespace Triggers.Platforms.Tests.Generic;

/// <summary>Seeded byte-level mutations of a valid payload, for the never-throw tests of the generic, Bilibili and Xiaohongshu adapters.</summary>
internal static class Mutations
{
    private static readonly byte[] Interesting = "{}[]\",:\\0-1e9.nulltrue\u00e9"u8.ToArray().Concat(new byte[] { 0x00, 0xFF, 0xC3, 0xED, 0xA0, 0x80, 0x0A }).ToArray();

    public static byte[] Mutate(Random random, byte[] original)
    {
        var bytes = original.ToList();
        var operations = random.Next(1, 5);
        for (var i = 0; i < operations; i++)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0 when bytes.Count > 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes.Insert(at, Interesting[random.Next(Interesting.Length)]);
                    break;
                case 2 when bytes.Count > 0:
                    bytes.RemoveAt(at);
                    break;
                case 3 when bytes.Count > 0:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 4 when bytes.Count > 0:
                    var length = random.Next(1, Math.Min(64, bytes.Count - at) + 1);
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                default:
                    bytes.InsertRange(at, Enumerable.Repeat((byte)(random.Next(2) == 0 ? '[' : '{'), random.Next(1, 80)));
                    break;
            }
        }

        return [.. bytes];
    }

    /// <summary>Statuses an adapter may answer a hostile request with; 500 means the channel is misconfigured and never comes from input.</summary>
    public static readonly int[] InputStatuses = [400, 401, 403, 405, 413];
}
