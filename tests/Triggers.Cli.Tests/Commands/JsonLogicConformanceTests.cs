using System.Text.Json.Nodes;
using Triggers.Cli.Commands;
using Triggers.Cli.JsonLines;
using Triggers.Testing;

namespace Triggers.Cli.Tests.Commands;

/// <summary>
/// The official JsonLogic test file (jwadhams/json-logic) through the <c>jsonlogic</c> verb's code path: every row
/// becomes a request line for <see cref="JsonLinesRunner"/> with <see cref="JsonLogicCommand.Evaluate"/>, and each
/// output line's <c>result</c> must equal the expected value as JSON (numbers by value: 1 equals 1.0).
/// </summary>
public sealed class JsonLogicConformanceTests
{
    [Fact]
    public async Task Every_row_of_the_official_tests_passes_through_the_jsonlogic_verb()
    {
        var file = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryPaths.SharedData("jsonlogic/tests.json"), TestContext.Current.CancellationToken))!.AsArray();
        var rows = file.OfType<JsonArray>().ToList();
        var input = string.Join('\n', rows.Select(row => new JsonObject { ["logic"] = row[0]?.DeepClone(), ["data"] = row[1]?.DeepClone() }.ToJsonString()));
        using var reader = new StringReader(input);
        using var writer = new StringWriter();

        var errors = await JsonLinesRunner.RunAsync(reader, writer, JsonLogicCommand.Evaluate, TestContext.Current.CancellationToken);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(277, rows.Count);
        Assert.Equal(rows.Count, lines.Length);
        var failures = new List<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            var output = JsonNode.Parse(lines[i])!.AsObject();
            if (!output.TryGetPropertyValue("result", out var result) || !JsonAssert.AreEqual(rows[i][2], result))
            {
                failures.Add($"{rows[i][0]?.ToJsonString()} with {rows[i][1]?.ToJsonString()}: expected {rows[i][2]?.ToJsonString() ?? "null"}, got {lines[i].Trim()}");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"jsonlogic verb: {rows.Count - failures.Count} of {rows.Count} rows pass");
        Assert.Equal(0, errors);
        Assert.Empty(failures);
    }
}
