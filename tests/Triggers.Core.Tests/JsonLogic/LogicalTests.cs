using Triggers.Testing;
using System.Text.Json.Nodes;
using Triggers.Core.Tests.Support;
using Logic = Triggers.Core.JsonLogic.JsonLogic;

namespace Triggers.Core.Tests.JsonLogic;

public sealed class LogicalTests
{
    [Theory]
    [InlineData("null", false)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("-0.0", false)]
    [InlineData("\"\"", false)]
    [InlineData("[]", false)]
    [InlineData("true", true)]
    [InlineData("-1", true)]
    [InlineData("\"0\"", true)]
    [InlineData("\"false\"", true)]
    [InlineData("[0]", true)]
    [InlineData("{}", true)]
    public void Truthiness_is_JavaScripts_with_empty_arrays_falsy(string json, bool expected)
    {
        Assert.Equal(expected, Logic.IsTruthy(JsonNode.Parse(json)));
    }

    [Theory]
    [InlineData("""{"or": [0, "", null]}""", "null")]
    [InlineData("""{"or": [0, [], "x", "y"]}""", "\"x\"")]
    [InlineData("""{"and": [1, "a", [2]]}""", "[2]")]
    [InlineData("""{"and": [1, 0, "never"]}""", "0")]
    [InlineData("""{"and": []}""", "null")]
    [InlineData("""{"!!": [{}]}""", "true")]
    [InlineData("""{"!": {"var": "missing.path"}}""", "true")]
    public void And_and_or_return_the_value_that_decided(string logic, string expected)
    {
        JsonAssert.Equal(expected, Logic.Compile(JsonNode.Parse(logic)).Evaluate(null));
    }

    [Theory]
    [InlineData("message", "\"reply\"")]
    [InlineData("follow", "\"welcome\"")]
    [InlineData("order", "\"thanks\"")]
    public void If_chains_pick_the_first_branch_whose_condition_holds(string kind, string expected)
    {
        var expression = Logic.Compile(JsonNode.Parse(
            """{"if": [{"==": [{"var": "kind"}, "message"]}, "reply", {"==": [{"var": "kind"}, "follow"]}, "welcome", "thanks"]}"""));

        JsonAssert.Equal(expected, expression.Evaluate(new JsonObject { ["kind"] = kind }));
    }

    [Fact]
    public void An_empty_object_is_data_and_truthy()
    {
        var expression = Logic.Compile(JsonNode.Parse("""{"if": [{}, "yes", "no"]}"""));

        JsonAssert.Equal("\"yes\"", expression.Evaluate(null));
    }
}
