using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic;
using Logic = Triggers.Core.JsonLogic.JsonLogic;

namespace Triggers.Core.Tests.JsonLogic;

public sealed class CompileErrorTests
{
    [Theory]
    [InlineData("""{"foo": [1]}""", "foo", "$")]
    [InlineData("""{"and": [true, {"foo": 1}]}""", "foo", "$.and[1]")]
    [InlineData("""{"if": [{"var": "x"}, {"concat": ["a", "b"]}]}""", "concat", "$.if[1]")]
    [InlineData("""{"==": [1, {"++": [1, 1]}]}""", "++", "$['=='][1]")]
    [InlineData("""{"map": [{"var": "xs"}, {"len": {"var": ""}}]}""", "len", "$.map[1]")]
    [InlineData("""{"!": {"nope": []}}""", "nope", "$['!']")]
    [InlineData("""[1, {"nope": 2}]""", "nope", "$[1]")]
    [InlineData("""{"or": [false, {"and": [true, {"AND": [1]}]}]}""", "AND", "$.or[1].and[1]")]
    public void An_unknown_operator_is_named_with_its_path(string logic, string op, string path)
    {
        var error = Assert.Throws<JsonLogicException>(() => Logic.Compile(JsonNode.Parse(logic)));

        Assert.StartsWith($"unknown operator \"{op}\" at {path};", error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void The_unknown_operator_message_lists_what_is_supported()
    {
        var error = Assert.Throws<JsonLogicException>(() => Logic.Compile(JsonNode.Parse("""{"between": [1, 2, 3]}""")));

        Assert.Contains("supported operators:", error.Message, StringComparison.Ordinal);
        Assert.Contains("<=", error.Message, StringComparison.Ordinal);
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_object_with_two_keys_is_rejected_rather_than_read_as_data()
    {
        var error = Assert.Throws<JsonLogicException>(() =>
            Logic.Compile(JsonNode.Parse("""{"and": [{"==": [1, 1], "!=": [1, 2]}]}""")));

        Assert.Equal("$.and[0]", error.Path);
        Assert.Contains("exactly one key", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"==\", \"!=\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"==": [1]}""", "takes 2 arguments, but was given 1")]
    [InlineData("""{"<": [1, 2, 3, 4]}""", "takes 2 to 3 arguments, but was given 4")]
    [InlineData("""{">": [1, 2, 3]}""", "takes 2 arguments, but was given 3")]
    [InlineData("""{"!": []}""", "takes 1 argument, but was given 0")]
    [InlineData("""{"var": ["a", 1, 2]}""", "takes 0 to 2 arguments, but was given 3")]
    public void A_wrong_argument_count_is_rejected(string logic, string expected)
    {
        var error = Assert.Throws<JsonLogicException>(() => Logic.Compile(JsonNode.Parse(logic)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
