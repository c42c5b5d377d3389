using System.Globalization;
using System.Text.Json.Nodes;

namespace Triggers.Azure.Tests.Language.Fake;

/// <summary>
/// The stand-in's "model", simple enough that tests can work out its answers by hand: a sentence scores (1,0,0)
/// when it holds a positive word, (0,0,1) for a negative word, else (0,1,0); a document scores the mean of its
/// sentences and is "mixed" when it has both. Offsets are UTF-16 code units, as Utf16CodeUnit asks.
/// </summary>
internal static class FakeSentiment
{
    private static readonly string[] Positive = ["很好", "good", "great", "喜欢"];
    private static readonly string[] Negative = ["很差", "bad", "terrible", "失望"];

    public static JsonObject Document(string id, string text)
    {
        var sentences = new JsonArray();
        double positive = 0, neutral = 0, negative = 0;
        foreach (var (offset, sentence) in Sentences(text))
        {
            var (p, u, n) = Positive.Any(w => sentence.Contains(w, StringComparison.OrdinalIgnoreCase)) ? (1.0, 0.0, 0.0)
                : Negative.Any(w => sentence.Contains(w, StringComparison.OrdinalIgnoreCase)) ? (0.0, 0.0, 1.0)
                : (0.0, 1.0, 0.0);
            positive += p;
            neutral += u;
            negative += n;
            sentences.Add(new JsonObject
            {
                ["sentiment"] = p > 0 ? "positive" : n > 0 ? "negative" : "neutral",
                ["confidenceScores"] = Scores(p, u, n),
                ["offset"] = offset,
                ["length"] = sentence.Length,
                ["text"] = sentence,
                ["targets"] = new JsonArray(),
                ["assessments"] = new JsonArray(),
            });
        }

        var count = Math.Max(1, sentences.Count);
        var label = positive > 0 && negative > 0 ? "mixed"
            : positive > 0 ? "positive" : negative > 0 ? "negative" : "neutral";
        return new JsonObject
        {
            ["id"] = id,
            ["sentiment"] = label,
            ["confidenceScores"] = Scores(positive / count, neutral / count, negative / count),
            ["sentences"] = sentences,
            ["warnings"] = new JsonArray(),
        };
    }

    public static int TextElements(string text) => new StringInfo(text).LengthInTextElements;

    private static JsonObject Scores(double positive, double neutral, double negative) =>
        new() { ["positive"] = positive, ["neutral"] = neutral, ["negative"] = negative };

    /// <summary>Cuts after 。！？!? and ". "; a trailing part without a terminator is a sentence too.</summary>
    private static IEnumerable<(int Offset, string Text)> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var end = text[i] is '。' or '！' or '？' or '!' or '?' || (text[i] == '.' && (i + 1 == text.Length || text[i + 1] == ' '));
            if (end)
            {
                var stop = i + 1;
                while (stop < text.Length && text[stop] == ' ')
                {
                    stop++;
                }

                yield return (start, text[start..stop]);
                start = stop;
                i = stop - 1;
            }
        }

        if (start < text.Length)
        {
            yield return (start, text[start..]);
        }
    }
}
