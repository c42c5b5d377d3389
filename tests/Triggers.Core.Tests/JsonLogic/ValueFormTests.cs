using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic;
using Triggers.Testing;
using Logic = Triggers.Core.JsonLogic.JsonLogic;

namespace Triggers.Core.Tests.JsonLogic;

/// <summary>
/// The evaluator's compact forms: values packed in 16 bytes, var paths walked from the node's own fields, short
/// strings shared between data objects. None may change an answer: each case is also evaluated with the var hidden
/// behind <c>{"if": [true, var]}</c>, which takes the general path.
/// </summary>
public sealed class ValueFormTests
{
    private const string Deep = """
        {"a": {"b": {"c": "x", "list": ["p", {"q": "y"}], "s": "text"}}, "d": {"e": {"f": {"g": "z", "h": {"i": 5}}}}}
        """;

    [Theory]
    [InlineData("""{"==": [{"var": "a.b.c"}, "x"]}""", true)]
    [InlineData("""{"==": [{"var": "a.b.list.0"}, "p"]}""", true)]
    [InlineData("""{"==": [{"var": "a.b.list.1.q"}, "y"]}""", true)]
    [InlineData("""{"==": [{"var": "d.e.f.g"}, "z"]}""", true)]
    [InlineData("""{">": [{"var": "d.e.f.h.i"}, 4]}""", true)]
    [InlineData("""{"==": [{"var": "a.x.c"}, null]}""", true)]
    [InlineData("""{"==": [{"var": ["a.b.c.d", "none"]}, "none"]}""", true)]
    [InlineData("""{"==": [{"var": ["a.b.s.0", "none"]}, "none"]}""", true)]
    [InlineData("""{"==": [{"var": "a.b.list.01"}, "p"]}""", false)]
    [InlineData("""{"in": [{"var": "a.b.list.5"}, ["p", null]]}""", true)]
    [InlineData("""{"in": ["ex", {"var": "a.b.s"}]}""", true)]
    [InlineData("""{"in": ["p", {"var": "a.b.list"}]}""", true)]
    [InlineData("""{"in": ["y", {"var": "a.b.list.1"}]}""", false)]
    public void A_var_path_of_any_length_reads_the_same_in_a_specialised_node_as_in_a_plain_var(string logic, bool expected)
    {
        var node = JsonNode.Parse(logic);
        var data = new JsonLogicData(JsonNode.Parse(Deep));
        var specialised = Logic.Compile(node);
        var general = Logic.Compile(HideVars(node));

        Assert.Equal(expected, data.Satisfies(specialised));
        Assert.Equal(expected, data.Satisfies(general));
    }

    [Fact]
    public void A_specialised_node_reads_objects_whose_keys_moved_since_the_last_evaluation()
    {
        var expression = Logic.Compile(JsonNode.Parse("""{"==": [{"var": "a.b.c"}, "x"]}"""));
        var plain = new JsonLogicData(JsonNode.Parse("""{"a": {"b": {"c": "x"}}}"""));
        var moved = new JsonLogicData(JsonNode.Parse("""{"z": 0, "a": {"y": 1, "b": {"w": 2, "c": "x"}}}"""));
        var elsewhere = new JsonLogicData(JsonNode.Parse("""{"a": {"b": {"w": 2, "c": "y"}}}"""));

        Assert.True(plain.Satisfies(expression));
        Assert.True(moved.Satisfies(expression));
        Assert.False(elsewhere.Satisfies(expression));
        Assert.True(plain.Satisfies(expression));
    }

    [Fact]
    public void Equal_strings_compare_equal_whether_or_not_they_were_shared_when_read_in()
    {
        // More distinct short strings than the shared table keeps, so that the later ones are not shared.
        var expression = Logic.Compile(JsonNode.Parse("""{"in": [{"var": "k"}, ["v42", "v4242"]]}"""));
        var equality = Logic.Compile(JsonNode.Parse("""{"==": [{"var": "k"}, "v4242"]}"""));
        var data = Enumerable.Range(0, 20_000).Select(i => new JsonLogicData(new JsonObject { ["k"] = "v" + i })).ToArray();

        Assert.Equal([42, 4242], Enumerable.Range(0, data.Length).Where(i => data[i].Satisfies(expression)));
        Assert.Equal([4242], Enumerable.Range(0, data.Length).Where(i => data[i].Satisfies(equality)));
        Assert.True(new JsonLogicData(new JsonObject { ["k"] = new string("v4242".ToCharArray()) }).Satisfies(equality));

        var late = Logic.Compile(JsonNode.Parse("""{"in": [{"var": "k"}, ["late", "v19999"]]}"""));
        Assert.True(new JsonLogicData(new JsonObject { ["k"] = "late" }).Satisfies(late));
        Assert.True(data[19_999].Satisfies(late));
        Assert.False(data[19_998].Satisfies(late));
    }

    [Theory]
    [InlineData("""{"var": "tiny"}""", "5E-324")]
    [InlineData("""{"var": "huge"}""", "1.7976931348623157E+308")]
    [InlineData("""{"==": [{"var": "negativeZero"}, 0]}""", "true")]
    [InlineData("""{"<": [{"var": "negativeZero"}, 0]}""", "false")]
    [InlineData("""{"*": [{"var": "huge"}, 10]}""", "null")]
    [InlineData("""{"+": ["apple"]}""", "null")]
    [InlineData("""{"!": {"+": ["apple"]}}""", "true")]
    [InlineData("""{"==": [{"+": ["apple"]}, {"+": ["apple"]}]}""", "false")]
    [InlineData("""{"===": [{"var": "yes"}, true]}""", "true")]
    [InlineData("""{"===": [{"var": "no"}, 0]}""", "false")]
    [InlineData("""{"==": [{"var": "no"}, 0]}""", "true")]
    [InlineData("""{"!!": {"var": "nothing"}}""", "false")]
    [InlineData("""{"cat": [{"var": "yes"}, {"var": "no"}, {"var": "nothing"}, {"var": "tiny"}]}""", "\"truefalse5e-324\"")]
    public void Numbers_booleans_and_null_keep_their_values_in_the_packed_form(string logic, string expected)
    {
        var data = new JsonLogicData(JsonNode.Parse("""{"tiny": 5e-324, "huge": 1.7976931348623157e308, "negativeZero": -0.0, "yes": true, "no": false, "nothing": null}"""));
        JsonAssert.Equal(expected, data.Evaluate(Logic.Compile(JsonNode.Parse(logic))));
    }

    // {"var": x} becomes {"if": [true, {"var": x}]}: the same value, in a shape no specialised node accepts.
    private static JsonNode? HideVars(JsonNode? node) => node switch
    {
        JsonObject obj when obj.Count == 1 && obj.ContainsKey("var") => new JsonObject { ["if"] = new JsonArray(true, obj.DeepClone()) },
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, HideVars(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(HideVars)]),
        _ => node?.DeepClone(),
    };
}
