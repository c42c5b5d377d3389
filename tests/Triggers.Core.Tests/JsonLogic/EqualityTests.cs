using System.Text.Json.Nodes;
using Logic = Triggers.Core.JsonLogic.JsonLogic;

namespace Triggers.Core.Tests.JsonLogic;

/// <summary>Expected values follow JavaScript's == and === (ECMA-262 IsLooselyEqual / IsStrictlyEqual).</summary>
public sealed class EqualityTests
{
    [Theory]
    [InlineData("""{"==": [null, null]}""", true)]
    [InlineData("""{"==": [null, 0]}""", false)]
    [InlineData("""{"==": [null, false]}""", false)]
    [InlineData("""{"==": [null, ""]}""", false)]
    [InlineData("""{"==": [0, ""]}""", true)]
    [InlineData("""{"==": [" 2 ", 2]}""", true)]
    [InlineData("""{"==": ["0x10", 16]}""", true)]
    [InlineData("""{"==": [true, "1"]}""", true)]
    [InlineData("""{"==": [true, "true"]}""", false)]
    [InlineData("""{"==": [false, []]}""", true)]
    [InlineData("""{"==": ["1,2", [1, 2]]}""", true)]
    [InlineData("""{"==": [[1, [2, null]], "1,2,"]}""", true)]
    [InlineData("""{"==": [[7], 7]}""", true)]
    [InlineData("""{"==": [[1], [1]]}""", false)]
    [InlineData("""{"==": ["abc", "ABC"]}""", false)]
    [InlineData("""{"!=": [1, "1"]}""", false)]
    [InlineData("""{"!=": [[1], [1]]}""", true)]
    public void Loose_equality_coerces_like_JavaScript(string logic, bool expected)
    {
        Assert.Equal(expected, Logic.Compile(JsonNode.Parse(logic)).IsSatisfiedBy(null));
    }

    [Theory]
    [InlineData("""{"===": [null, null]}""", true)]
    [InlineData("""{"===": [1, 1.0]}""", true)]
    [InlineData("""{"===": [false, 0]}""", false)]
    [InlineData("""{"===": ["", 0]}""", false)]
    [InlineData("""{"!==": [null, false]}""", true)]
    [InlineData("""{"!==": ["a", "a"]}""", false)]
    public void Strict_equality_never_coerces(string logic, bool expected)
    {
        Assert.Equal(expected, Logic.Compile(JsonNode.Parse(logic)).IsSatisfiedBy(null));
    }

    [Fact]
    public void The_same_array_from_the_data_is_strictly_equal_to_itself()
    {
        var expression = Logic.Compile(JsonNode.Parse("""{"===": [{"var": "topics"}, {"var": "topics"}]}"""));

        Assert.True(expression.IsSatisfiedBy(JsonNode.Parse("""{"topics": ["refund"]}""")));
    }

    [Theory]
    [InlineData("""{"==": [[0.5], "0.5"]}""")]
    [InlineData("""{"==": [[1e21], "1e+21"]}""")]
    [InlineData("""{"==": [[1.5e-7], "1.5e-7"]}""")]
    [InlineData("""{"==": [[0.000001], "0.000001"]}""")]
    [InlineData("""{"==": [[123456789012345680000], "123456789012345680000"]}""")]
    [InlineData("""{"==": [[-2.5], "-2.5"]}""")]
    public void Numbers_inside_arrays_turn_into_the_strings_JavaScript_would_print(string logic)
    {
        Assert.True(Logic.Compile(JsonNode.Parse(logic)).IsSatisfiedBy(null));
    }

    [Fact]
    public void Values_built_in_code_compare_like_parsed_ones()
    {
        var data = new JsonObject
        {
            ["count"] = 3,
            ["price"] = 9.5m,
            ["name"] = "Ann",
            ["vip"] = true,
        };
        var expression = Logic.Compile(JsonNode.Parse(
            """{"and": [{"==": [{"var": "count"}, "3"]}, {"===": [{"var": "price"}, 9.5]}, {"===": [{"var": "name"}, "Ann"]}, {"==": [{"var": "vip"}, 1]}]}"""));

        Assert.True(expression.IsSatisfiedBy(data));
    }
}
