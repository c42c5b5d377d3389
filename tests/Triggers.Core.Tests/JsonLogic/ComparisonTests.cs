using System.Text.Json.Nodes;
using Logic = Triggers.Core.JsonLogic.JsonLogic;

namespace Triggers.Core.Tests.JsonLogic;

/// <summary>Expected values follow JavaScript's relational operators: two strings compare as text, anything else as numbers.</summary>
public sealed class ComparisonTests
{
    [Theory]
    [InlineData("""{"<": ["a", "b"]}""", true)]
    [InlineData("""{"<": ["10", "9"]}""", true)]
    [InlineData("""{"<": [10, "9"]}""", false)]
    [InlineData("""{"<": [null, 1]}""", true)]
    [InlineData("""{"<": [false, true]}""", true)]
    [InlineData("""{"<": ["abc", 1]}""", false)]
    [InlineData("""{">=": ["abc", 1]}""", false)]
    [InlineData("""{">": ["2026-11-02T10:00:00Z", "2026-11-01T23:00:00Z"]}""", true)]
    [InlineData("""{">=": [[5], 5]}""", true)]
    [InlineData("""{"<=": [null, 0]}""", true)]
    public void Comparisons_coerce_like_JavaScript(string logic, bool expected)
    {
        Assert.Equal(expected, Logic.Compile(JsonNode.Parse(logic)).IsSatisfiedBy(null));
    }

    [Theory]
    [InlineData(0.59, false)]
    [InlineData(0.6, true)]
    [InlineData(0.75, true)]
    [InlineData(0.9, true)]
    [InlineData(0.91, false)]
    public void Three_argument_less_or_equal_is_an_inclusive_between(double negative, bool expected)
    {
        var expression = Logic.Compile(JsonNode.Parse("""{"<=": [0.6, {"var": "sentiment.negative"}, 0.9]}"""));

        var satisfied = expression.IsSatisfiedBy(new JsonObject { ["sentiment"] = new JsonObject { ["negative"] = negative } });

        Assert.Equal(expected, satisfied);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void Three_argument_less_than_is_an_exclusive_between(int value, bool expected)
    {
        var expression = Logic.Compile(JsonNode.Parse("""{"<": [1, {"var": "x"}, 5]}"""));

        Assert.Equal(expected, expression.IsSatisfiedBy(new JsonObject { ["x"] = value }));
    }
}
