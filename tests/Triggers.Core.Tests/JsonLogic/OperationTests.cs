using Triggers.Testing;
using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic;
using Triggers.Core.Tests.Support;
using Logic = Triggers.Core.JsonLogic.JsonLogic;

namespace Triggers.Core.Tests.JsonLogic;

/// <summary>Arithmetic, string and array operations beyond the official file, checked against json-logic-js.</summary>
public sealed class OperationTests
{
    [Theory]
    [InlineData("""{"+": []}""", "null", "0")]
    [InlineData("""{"+": "3.14"}""", "null", "3.14")]
    [InlineData("""{"+": ["12px", 1]}""", "null", "13")]
    [InlineData("""{"+": [" -.5e1x"]}""", "null", "-5")]
    [InlineData("""{"+": ["apple", 1]}""", "null", "null")]
    [InlineData("""{"+": [true, 1]}""", "null", "null")]
    [InlineData("""{"+": [null, 1]}""", "null", "null")]
    [InlineData("""{"*": ["2", "3"]}""", "null", "6")]
    [InlineData("""{"*": ["7"]}""", "null", "\"7\"")]
    [InlineData("""{"-": ["5", null]}""", "null", "5")]
    [InlineData("""{"-": [true]}""", "null", "-1")]
    [InlineData("""{"-": [0]}""", "null", "0")]
    [InlineData("""{"/": [1, 0]}""", "null", "null")]
    [InlineData("""{"%": [-7, 3]}""", "null", "-1")]
    [InlineData("""{"%": [7.5, 2]}""", "null", "1.5")]
    [InlineData("""{"%": [1, 0]}""", "null", "null")]
    [InlineData("""{"max": ["3", 2]}""", "null", "3")]
    [InlineData("""{"min": [null, 2]}""", "null", "0")]
    [InlineData("""{"min": [1, "x"]}""", "null", "null")]
    [InlineData("""{"max": []}""", "null", "null")]
    [InlineData("""{"cat": ["a", null, [1, 2], true, 1.5]}""", "null", "\"a1,2true1.5\"")]
    [InlineData("""{"cat": [{"/": [1, 0]}]}""", "null", "\"Infinity\"")]
    [InlineData("""{"substr": ["jsonlogic", 20]}""", "null", "\"\"")]
    [InlineData("""{"substr": ["jsonlogic", -20, 4]}""", "null", "\"json\"")]
    [InlineData("""{"substr": ["jsonlogic", 4, -20]}""", "null", "\"\"")]
    [InlineData("""{"substr": ["jsonlogic", 4, null]}""", "null", "\"\"")]
    [InlineData("""{"substr": [12345, 1, 2]}""", "null", "\"23\"")]
    [InlineData("""{"merge": [[1, [2]], null, "a"]}""", "null", """[1, [2], null, "a"]""")]
    [InlineData("""{"log": {"var": "a"}}""", """{"a": [1]}""", "[1]")]
    [InlineData("""{"map": [{"var": "xs"}, {"+": [{"var": ""}, 1]}]}""", """{"xs": "abc"}""", "[]")]
    [InlineData("""{"filter": [{"var": "xs"}, {">": [{"var": "n"}, 1]}]}""", """{"xs": [{"n": 1}, {"n": 2}]}""", """[{"n": 2}]""")]
    [InlineData("""{"reduce": [{"var": "xs"}, {"cat": [{"var": "accumulator"}, {"var": "current"}]}]}""", """{"xs": ["a", "b"]}""", "\"ab\"")]
    [InlineData("""{"reduce": [{"var": "xs"}, {"+": [{"var": "accumulator"}, 1]}, 5]}""", """{"xs": 3}""", "5")]
    [InlineData("""{"reduce": [[[1], [2]], {"merge": [{"var": "accumulator"}, {"var": "current"}]}, []]}""", "null", "[1, 2]")]
    [InlineData("""{"all": [[1, [], 2], {"var": ""}]}""", "null", "false")]
    [InlineData("""{"all": [{"var": "x"}, true]}""", "null", "false")]
    [InlineData("""{"some": [{"var": "x"}, true]}""", "null", "false")]
    [InlineData("""{"none": [{"var": "x"}, true]}""", "null", "true")]
    [InlineData("""{"missing_some": [1, ["a", "b"]]}""", """{"a": ""}""", """["a", "b"]""")]
    [InlineData("""{"missing_some": [0, ["a"]]}""", "{}", "[]")]
    [InlineData("""{"map": [{"var": "xs"}, {"var": "a"}]}""", """{"xs": [{"a": 1}, {"b": 2}]}""", "[1, null]")]
    public void Evaluates_as_json_logic_js_does(string logic, string data, string expected)
    {
        var result = Logic.Compile(JsonNode.Parse(logic)).Evaluate(JsonNode.Parse(data));

        JsonAssert.Equal(expected, result);
    }

    [Fact]
    public void A_result_with_nan_inside_an_array_serialises_with_null()
    {
        var result = Logic.Compile(JsonNode.Parse("""{"map": [[1, "x", 0], {"/": [1, {"+": {"var": ""}}]}]}""")).Evaluate(null);

        Assert.Equal("[1,null,null]", result!.ToJsonString());
    }

    [Fact]
    public void Nan_is_falsy_and_unequal_to_itself()
    {
        var nan = """{"+": "apple"}""";

        Assert.False(Logic.Compile(JsonNode.Parse(nan)).IsSatisfiedBy(null));
        Assert.False(Logic.Compile(JsonNode.Parse($$"""{"==": [{{nan}}, {{nan}}]}""")).IsSatisfiedBy(null));
    }

    [Fact]
    public void Reduce_leaves_the_data_untouched_and_is_safe_to_repeat()
    {
        var expression = Logic.Compile(JsonNode.Parse("""{"reduce": [{"var": "xs"}, {"+": [{"var": "accumulator"}, {"var": "current.qty"}]}, 0]}"""));
        var data = JsonNode.Parse("""{"xs": [{"qty": 2}, {"qty": 3}]}""");

        JsonAssert.Equal("5", expression.Evaluate(data));
        JsonAssert.Equal("5", expression.Evaluate(data));
        Assert.Equal("""{"xs":[{"qty":2},{"qty":3}]}""", data!.ToJsonString());
    }

    [Fact]
    public void Log_writes_nothing_to_stdout()
    {
        var original = Console.Out;
        using var captured = new StringWriter();
        Console.SetOut(captured);
        try
        {
            JsonAssert.Equal("\"apple\"", Logic.Compile(JsonNode.Parse("""{"log": "apple"}""")).Evaluate(null));
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.Equal(string.Empty, captured.ToString());
    }

    [Theory]
    [InlineData("""{"map": [[1]]}""", "map")]
    [InlineData("""{"/": [1]}""", "/")]
    [InlineData("""{"-": []}""", "-")]
    [InlineData("""{"*": []}""", "*")]
    [InlineData("""{"missing_some": [1]}""", "missing_some")]
    public void A_wrong_argument_count_is_a_compile_error(string logic, string op)
    {
        var error = Assert.Throws<JsonLogicException>(() => Logic.Compile(JsonNode.Parse(logic)));

        Assert.StartsWith($"operator \"{op}\" at $ takes", error.Message, StringComparison.Ordinal);
    }
}
