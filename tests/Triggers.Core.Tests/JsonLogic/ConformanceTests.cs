using Triggers.Testing;
using System.Text.Json.Nodes;
using Triggers.Core.Tests.Support;
using Logic = Triggers.Core.JsonLogic.JsonLogic;

namespace Triggers.Core.Tests.JsonLogic;

/// <summary>
/// The official JsonLogic test file (jwadhams/json-logic, MIT, Jeremy Wadhams): every row, no skipping.
/// </summary>
public sealed class ConformanceTests
{
    public static TheoryData<int, string, string, string> Rows()
    {
        var rows = new TheoryData<int, string, string, string>();
        var index = 0;
        foreach (var (logic, data, expected) in ReadRows())
        {
            rows.Add(index++, logic?.ToJsonString() ?? "null", data?.ToJsonString() ?? "null", expected?.ToJsonString() ?? "null");
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Row_evaluates_to_the_expected_result(int row, string logic, string data, string expected)
    {
        _ = row;
        var expression = Logic.Compile(JsonNode.Parse(logic));

        var result = expression.Evaluate(JsonNode.Parse(data));

        JsonAssert.Equal(expected, result);
    }

    [Fact]
    public void Every_one_of_the_277_rows_passes()
    {
        var rows = ReadRows().ToList();
        var failures = new List<string>();
        foreach (var (logic, data, expected) in rows)
        {
            try
            {
                var result = Logic.Compile(logic).Evaluate(data?.DeepClone());
                if (!JsonNode.DeepEquals(Normalise(expected), Normalise(result)))
                {
                    failures.Add($"{logic?.ToJsonString()} with {data?.ToJsonString()}: expected {expected?.ToJsonString()}, got {result?.ToJsonString()}");
                }
            }
            catch (Exception ex) when (ex is Triggers.Core.JsonLogic.JsonLogicException or InvalidOperationException or ArgumentException)
            {
                failures.Add($"{logic?.ToJsonString()}: {ex.Message}");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"jsonlogic tests.json: {rows.Count - failures.Count} of {rows.Count} rows pass");
        Assert.Equal(277, rows.Count);
        Assert.Empty(failures);
    }

    // Numbers by value (1 and 1.0 are the same), everything else as is.
    private static JsonNode? Normalise(JsonNode? node) => node switch
    {
        JsonArray array => new JsonArray(array.Select(Normalise).ToArray()),
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Normalise(p.Value)))),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.Number =>
            JsonValue.Create(double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)),
        _ => node?.DeepClone(),
    };

    private static IEnumerable<(JsonNode? Logic, JsonNode? Data, JsonNode? Expected)> ReadRows()
    {
        var file = JsonNode.Parse(File.ReadAllText(SharedData.Locate(Path.Combine("jsonlogic", "tests.json"))))!.AsArray();

        // Strings in the file are section headers.
        foreach (var row in file.OfType<JsonArray>())
        {
            yield return (row[0], row[1], row[2]);
        }
    }
}
