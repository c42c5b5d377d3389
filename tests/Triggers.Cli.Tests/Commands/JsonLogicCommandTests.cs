using System.Text.Json.Nodes;
using Triggers.Cli.Commands;

namespace Triggers.Cli.Tests.Commands;

public sealed class JsonLogicCommandTests
{
    [Theory]
    [InlineData("""{"logic":{"==":[{"var":"signal.kind"},"event"]},"data":{"signal":{"kind":"event"}}}""", "true")]
    [InlineData("""{"logic":{"in":["range",{"var":"topics"}]},"data":{"topics":["price","range"]}}""", "true")]
    [InlineData("""{"logic":{"and":[true,"a",3]},"data":null}""", "3")]
    [InlineData("""{"logic":{"var":["missing.path","fallback"]},"data":{}}""", "\"fallback\"")]
    public void A_request_line_evaluates_to_the_spec_result(string line, string expected)
    {
        var result = JsonLogicCommand.Evaluate(JsonNode.Parse(line)!.AsObject());

        Assert.Equal(expected, result["result"]!.ToJsonString());
    }

    [Fact]
    public void An_unknown_operator_is_reported_by_name_not_evaluated_as_false()
    {
        var error = Assert.ThrowsAny<Exception>(() => JsonLogicCommand.Evaluate(JsonNode.Parse("""{"logic":{"nope":[1]},"data":{}}""")!.AsObject()));

        Assert.Contains("\"nope\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_without_logic_is_an_error()
    {
        var result = JsonLogicCommand.Evaluate(JsonNode.Parse("""{"data":{}}""")!.AsObject());

        Assert.Contains("logic", result["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
