using System.Text;

namespace Triggers.Platforms.Tests.WeChat;

/// <summary>Seeded mutations of a valid payload, biased towards what breaks XML and JSON readers.</summary>
internal static class Mutations
{
    private static readonly string[] Inserts =
    [
        "<", ">", "&", "\"", "\\", "{", "}", "[", "]", ",", ":", "\\uD800", "\\u0000", "&#xD800;", "<!DOCTYPE x>", "<![CDATA[",
        "]]>", "\u0001", "é", "😀", "99999999999999999999", "-1", "null", "true", "<MsgType>event</MsgType>", "\"MsgType\":\"event\",",
    ];

    public static IEnumerable<string> Of(string seed, int count, int randomSeed)
    {
        var random = new Random(randomSeed);
        for (var i = 0; i < count; i++)
        {
            var text = new StringBuilder(seed);
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                Mutate(text, random);
            }

            yield return text.ToString();
        }
    }

    private static void Mutate(StringBuilder text, Random random)
    {
        var at = text.Length == 0 ? 0 : random.Next(text.Length);
        switch (random.Next(5))
        {
            case 0:
                text.Insert(at, Inserts[random.Next(Inserts.Length)]);
                break;
            case 1 when text.Length > 0:
                text.Remove(at, Math.Min(random.Next(1, 12), text.Length - at));
                break;
            case 2 when text.Length > 0:
                text[at] = (char)random.Next(32, 127);
                break;
            case 3 when text.Length > 0:
                var length = Math.Min(random.Next(1, 40), text.Length - at);
                text.Insert(at, text.ToString(at, length));
                break;
            default:
                text.Length = at;
                break;
        }
    }
}
