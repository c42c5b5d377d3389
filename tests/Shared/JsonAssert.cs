using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Triggers.Testing;

/// <summary>Compares JSON by meaning (1 equals 1.0, property order is irrelevant), whatever backs the nodes.</summary>
internal static class JsonAssert
{
    public static void Equal(JsonNode? expected, JsonNode? actual)
    {
        Assert.True(
            AreEqual(expected, actual),
            $"expected {expected?.ToJsonString() ?? "null"} but got {actual?.ToJsonString() ?? "null"}");
    }

    public static void Equal(string expectedJson, JsonNode? actual) => Equal(JsonNode.Parse(expectedJson), actual);

    public static bool AreEqual(JsonNode? a, JsonNode? b)
    {
        var kindA = a?.GetValueKind() ?? JsonValueKind.Null;
        var kindB = b?.GetValueKind() ?? JsonValueKind.Null;
        if (kindA != kindB)
        {
            return false;
        }

        return kindA switch
        {
            JsonValueKind.Null or JsonValueKind.True or JsonValueKind.False => true,
            JsonValueKind.Number => NumberOf(a!) == NumberOf(b!),
            JsonValueKind.String => a!.GetValue<string>() == b!.GetValue<string>(),
            JsonValueKind.Array => a!.AsArray().Count == b!.AsArray().Count
                && a.AsArray().Zip(b.AsArray()).All(pair => AreEqual(pair.First, pair.Second)),
            JsonValueKind.Object => a!.AsObject().Count == b!.AsObject().Count
                && a.AsObject().All(p => b.AsObject().TryGetPropertyValue(p.Key, out var other) && AreEqual(p.Value, other)),
            _ => false,
        };
    }

    // Nodes built in code may hold int, decimal...; their JSON text is the common ground.
    private static double NumberOf(JsonNode node) =>
        double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
