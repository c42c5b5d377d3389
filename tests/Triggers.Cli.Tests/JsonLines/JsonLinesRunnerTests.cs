using System.Text.Json.Nodes;
using Triggers.Cli.JsonLines;

namespace Triggers.Cli.Tests.JsonLines;

public sealed class JsonLinesRunnerTests
{
    [Fact]
    public async Task Every_input_line_gets_exactly_one_output_line_in_order_and_bad_lines_get_an_error()
    {
        var input = new StringReader("{\"n\":1}\nnot json\n[1]\n{\"n\":4}\n");
        var output = new StringWriter();

        var failures = await JsonLinesRunner.RunAsync(input, output, r => new JsonObject { ["echo"] = r["n"]!.DeepClone() }, CancellationToken.None);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Equal("""{"echo":1}""", lines[0]);
        Assert.StartsWith("""{"error":"line 2: not valid JSON""", lines[1], StringComparison.Ordinal);
        Assert.Equal("""{"error":"line 3: expected a JSON object"}""", lines[2]);
        Assert.Equal("""{"echo":4}""", lines[3]);
        Assert.Equal(2, failures);
    }

    [Fact]
    public async Task Chinese_text_is_written_as_text_not_as_escapes()
    {
        var output = new StringWriter();

        await JsonLinesRunner.RunAsync(new StringReader("{}\n"), output, _ => new JsonObject { ["t"] = "续航" }, CancellationToken.None);

        Assert.Equal("{\"t\":\"续航\"}", output.ToString().Trim());
    }
}
