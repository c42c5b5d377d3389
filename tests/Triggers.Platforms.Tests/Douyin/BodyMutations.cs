using System.Text;

namespace Triggers.Platforms.Tests.Douyin;

/// <summary>
/// Seeded byte-level mutations of a valid body (flip, insert, delete, truncate, duplicate a span, splice JSON
/// tokens), so the adapters' parsers can be fuzzed with requests re-signed by the test's own signer.
/// </summary>
internal static class BodyMutations
{
    private static readonly byte[][] Tokens =
    [
        "{"u8.ToArray(), "}"u8.ToArray(), "["u8.ToArray(), "]"u8.ToArray(), "\""u8.ToArray(), ":"u8.ToArray(), ","u8.ToArray(),
        "null"u8.ToArray(), "-1"u8.ToArray(), "1e400"u8.ToArray(), "99999999999999999999"u8.ToArray(), "\\u0000"u8.ToArray(), "\\uD800"u8.ToArray(),
        "\"\\\"{}\\\"\""u8.ToArray(), [0xFF], [0xC3], "\uFEFF"u8.ToArray(),
    ];

    private const string JsonPunctuation = "{}[]\":,0a\\";

    public static IEnumerable<byte[]> Of(string body, int count, int seed)
    {
        var original = Encoding.UTF8.GetBytes(body);
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var bytes = new List<byte>(original);
            var edits = 1 + random.Next(4);
            for (var e = 0; e < edits && bytes.Count > 0; e++)
            {
                Mutate(bytes, random);
            }

            yield return [.. bytes];
        }
    }

    private static void Mutate(List<byte> bytes, Random random)
    {
        var at = random.Next(bytes.Count);
        switch (random.Next(6))
        {
            case 0:
                bytes[at] = (byte)random.Next(256);
                break;
            case 1:
                bytes.InsertRange(at, Tokens[random.Next(Tokens.Length)]);
                break;
            case 2:
                bytes.RemoveRange(at, Math.Min(1 + random.Next(8), bytes.Count - at));
                break;
            case 3:
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            case 4:
                var length = Math.Min(1 + random.Next(32), bytes.Count - at);
                bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                break;
            default:
                bytes[at] = (byte)JsonPunctuation[random.Next(JsonPunctuation.Length)];
                break;
        }
    }
}
