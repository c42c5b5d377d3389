using System.Text.Json.Nodes;
using Triggers.Core.Tests.Support;
using Logic = Triggers.Core.JsonLogic.JsonLogic;

namespace Triggers.Core.Tests.JsonLogic;

/// <summary>
/// The official JsonLogic test file (jwadhams/json-logic, MIT, Jeremy Wadhams), rows limited to the operators
/// built so far; rows using any other operator are skipped until that operator exists.
/// </summary>
public sealed class ConformanceTests
{
    private static readonly HashSet<string> Supported = new(StringComparer.Ordinal)
    {
        "var", "missing", "==", "!=", "===", "!==", "!", "!!", "and", "or", "if", "?:", "in", "<", "<=", ">", ">=",
    };

    public static TheoryData<string, string, string> SupportedRows()
    {
        var rows = new TheoryData<string, string, string>();
        foreach (var (logic, data, expected) in ReadRows().Where(row => UsesOnlySupported(row.Logic)))
        {
            rows.Add(logic?.ToJsonString() ?? "null", data?.ToJsonString() ?? "null", expected?.ToJsonString() ?? "null");
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(SupportedRows))]
    public void Row_evaluates_to_the_expected_result(string logic, string data, string expected)
    {
        var expression = Logic.Compile(JsonNode.Parse(logic));

        var result = expression.Evaluate(JsonNode.Parse(data));

        JsonAssert.Equal(expected, result);
    }

    [Fact]
    public void The_file_has_175_rows_in_the_supported_operators_out_of_277()
    {
        // Counted independently with a script over the file: 277 rows, 175 use only the supported operators.
        var rows = ReadRows().ToList();
        var supported = rows.Count(row => UsesOnlySupported(row.Logic));

        TestContext.Current.TestOutputHelper?.WriteLine($"jsonlogic tests.json: {supported} of {rows.Count} rows run");
        Assert.Equal(277, rows.Count);
        Assert.Equal(175, supported);
    }

    private static IEnumerable<(JsonNode? Logic, JsonNode? Data, JsonNode? Expected)> ReadRows()
    {
        var file = JsonNode.Parse(File.ReadAllText(SharedData.Locate(Path.Combine("jsonlogic", "tests.json"))))!.AsArray();

        // Strings in the file are section headers.
        foreach (var row in file.OfType<JsonArray>())
        {
            yield return (row[0], row[1], row[2]);
        }
    }

    private static bool UsesOnlySupported(JsonNode? logic) => logic switch
    {
        JsonObject obj => obj.All(p => Supported.Contains(p.Key) && UsesOnlySupported(p.Value)),
        JsonArray array => array.All(UsesOnlySupported),
        _ => true,
    };
}
