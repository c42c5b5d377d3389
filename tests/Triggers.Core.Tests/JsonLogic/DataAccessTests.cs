using Triggers.Testing;
using System.Text.Json.Nodes;
using Triggers.Core.Tests.Support;
using Logic = Triggers.Core.JsonLogic.JsonLogic;

namespace Triggers.Core.Tests.JsonLogic;

/// <summary>var, missing and in, against the data a rule condition sees.</summary>
public sealed class DataAccessTests
{
    private static readonly JsonNode Data = JsonNode.Parse("""
        {
          "signal": {"kind": "message", "text": "我要退款", "actor": {"id": "o-1", "name": null}},
          "topics": ["refund", "delivery"],
          "orders": [{"sku": "A1", "qty": 2}, {"sku": "B2", "qty": 0}],
          "blank": ""
        }
        """)!;

    [Theory]
    [InlineData("""{"var": "signal.actor.id"}""", "\"o-1\"")]
    [InlineData("""{"var": "orders.1.sku"}""", "\"B2\"")]
    [InlineData("""{"var": "topics.0"}""", "\"refund\"")]
    [InlineData("""{"var": "topics.01"}""", "null")]
    [InlineData("""{"var": "topics.2"}""", "null")]
    [InlineData("""{"var": ["orders.5.sku", "none"]}""", "\"none\"")]
    [InlineData("""{"var": ["signal.kind.deeper", "none"]}""", "\"none\"")]
    [InlineData("""{"var": ["signal.actor.name", "anonymous"]}""", "null")]
    [InlineData("""{"var": ["signal.actor.name.first", "anonymous"]}""", "\"anonymous\"")]
    [InlineData("""{"var": ["nope", {"var": "signal.kind"}]}""", "\"message\"")]
    public void Var_follows_dotted_paths_and_falls_back_to_the_default_only_when_absent(string logic, string expected)
    {
        JsonAssert.Equal(expected, Logic.Compile(JsonNode.Parse(logic)).Evaluate(Data));
    }

    [Fact]
    public void Var_with_an_empty_path_returns_the_whole_data()
    {
        var result = Logic.Compile(JsonNode.Parse("""{"var": ""}""")).Evaluate(Data);

        JsonAssert.Equal(Data, result);
    }

    [Fact]
    public void Var_paths_can_be_computed()
    {
        var expression = Logic.Compile(JsonNode.Parse("""{"var": {"if": [{"var": "useText"}, "signal.text", "signal.kind"]}}"""));

        JsonAssert.Equal("\"我要退款\"", expression.Evaluate(new JsonObject { ["useText"] = true, ["signal"] = Data["signal"]!.DeepClone() }));
    }

    [Theory]
    [InlineData("""{"missing": ["signal.kind", "signal.channel", "blank", "topics"]}""", """["signal.channel", "blank"]""")]
    [InlineData("""{"missing": "signal.actor.name"}""", """["signal.actor.name"]""")]
    [InlineData("""{"missing": ["orders.0.qty", "orders.1.qty"]}""", "[]")]
    public void Missing_lists_keys_that_are_absent_null_or_empty(string logic, string expected)
    {
        JsonAssert.Equal(expected, Logic.Compile(JsonNode.Parse(logic)).Evaluate(Data));
    }

    [Theory]
    [InlineData("""{"in": ["退款", {"var": "signal.text"}]}""", true)]
    [InlineData("""{"in": ["refund", {"var": "topics"}]}""", true)]
    [InlineData("""{"in": ["refun", {"var": "topics"}]}""", false)]
    [InlineData("""{"in": [1, "a1b"]}""", true)]
    [InlineData("""{"in": ["1", [1, 2]]}""", false)]
    [InlineData("""{"in": ["x", {"var": "nothing"}]}""", false)]
    [InlineData("""{"in": ["", ""]}""", false)]
    [InlineData("""{"in": [null, "nullable"]}""", true)]
    public void In_finds_substrings_and_strictly_equal_elements(string logic, bool expected)
    {
        Assert.Equal(expected, Logic.Compile(JsonNode.Parse(logic)).IsSatisfiedBy(Data));
    }
}
