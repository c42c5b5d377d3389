using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic;
using Triggers.Testing;
using Logic = Triggers.Core.JsonLogic.JsonLogic;

namespace Triggers.Core.Tests.JsonLogic;

/// <summary>
/// The compiler gives the shapes rules use most (a var against a literal, a var in a literal list, a literal in a
/// var) nodes of their own. Each case here is also evaluated with every var hidden behind <c>{"if": [true, var]}</c>,
/// which the compiler cannot specialise, and the two results must agree as well as match the expected value.
/// </summary>
public sealed class SpecialisedNodeTests
{
    private const string Data = """
        {"n": 1, "zero": 0, "text": "1", "empty": "", "nothing": null, "yes": true, "list": ["a"], "mixed": [1, "vip", null, true],
         "word": "abc", "ten": "10", "day": "2026-11-20", "obj": {"k": "v"}}
        """;

    [Theory]
    [InlineData("""{"==": [{"var": "n"}, "1"]}""", true)]
    [InlineData("""{"==": ["1", {"var": "n"}]}""", true)]
    [InlineData("""{"===": [{"var": "n"}, "1"]}""", false)]
    [InlineData("""{"!=": [{"var": "n"}, "1"]}""", false)]
    [InlineData("""{"!==": [{"var": "n"}, "1"]}""", true)]
    [InlineData("""{"==": [{"var": "zero"}, ""]}""", true)]
    [InlineData("""{"==": [{"var": "text"}, 1]}""", true)]
    [InlineData("""{"==": [{"var": "yes"}, "1"]}""", true)]
    [InlineData("""{"==": [{"var": "yes"}, true]}""", true)]
    [InlineData("""{"==": [{"var": "list"}, "a"]}""", true)]
    [InlineData("""{"===": [{"var": "list"}, "a"]}""", false)]
    [InlineData("""{"==": [{"var": "nothing"}, null]}""", true)]
    [InlineData("""{"==": [{"var": "nothing"}, "null"]}""", false)]
    [InlineData("""{"==": [{"var": "absent"}, null]}""", true)]
    [InlineData("""{"!=": [{"var": "absent"}, "x"]}""", true)]
    [InlineData("""{"==": [{"var": ["absent", "x"]}, "x"]}""", true)]
    [InlineData("""{"==": [{"var": "obj"}, "[object Object]"]}""", true)]
    public void A_var_compared_for_equality_with_a_literal_coerces_as_javascript_does(string logic, bool expected) => Check(logic, expected);

    [Theory]
    [InlineData("""{"in": [{"var": "n"}, [1, "1", null, true]]}""", true)]
    [InlineData("""{"in": [{"var": "text"}, [1, "1"]]}""", true)]
    [InlineData("""{"in": [{"var": "text"}, [1]]}""", false)]
    [InlineData("""{"in": [{"var": "yes"}, ["true", 1]]}""", false)]
    [InlineData("""{"in": [{"var": "nothing"}, ["a", null]]}""", true)]
    [InlineData("""{"in": [{"var": "absent"}, ["a", null]]}""", true)]
    [InlineData("""{"in": [{"var": "absent"}, ["a", "b"]]}""", false)]
    [InlineData("""{"in": [{"var": "list"}, [["a"], "a"]]}""", false)]
    [InlineData("""{"in": [{"var": "word"}, []]}""", false)]
    public void A_var_in_a_literal_list_matches_only_a_strictly_equal_member(string logic, bool expected) => Check(logic, expected);

    [Theory]
    [InlineData("""{"in": ["b", {"var": "word"}]}""", true)]
    [InlineData("""{"in": ["", {"var": "word"}]}""", true)]
    [InlineData("""{"in": ["", {"var": "empty"}]}""", false)]
    [InlineData("""{"in": ["vip", {"var": "mixed"}]}""", true)]
    [InlineData("""{"in": ["1", {"var": "mixed"}]}""", false)]
    [InlineData("""{"in": ["true", {"var": "mixed"}]}""", false)]
    [InlineData("""{"in": ["1", {"var": "n"}]}""", false)]
    [InlineData("""{"in": ["k", {"var": "obj"}]}""", false)]
    [InlineData("""{"in": ["a", {"var": "absent"}]}""", false)]
    [InlineData("""{"in": ["a", {"var": ["absent", "cat"]}]}""", true)]
    public void A_literal_string_in_a_var_searches_strings_and_arrays_and_nothing_else(string logic, bool expected) => Check(logic, expected);

    [Theory]
    [InlineData("""{">": [{"var": "ten"}, 9]}""", true)]
    [InlineData("""{">": [{"var": "word"}, 1]}""", false)]
    [InlineData("""{"<=": [{"var": "word"}, 1]}""", false)]
    [InlineData("""{">=": [{"var": "nothing"}, 0]}""", true)]
    [InlineData("""{"<": [{"var": "absent"}, 1]}""", true)]
    [InlineData("""{"<": [5, {"var": "ten"}]}""", true)]
    [InlineData("""{">=": [5, {"var": "ten"}]}""", false)]
    [InlineData("""{">=": [{"var": "day"}, "2026-11-14"]}""", true)]
    [InlineData("""{"<": [{"var": "list"}, "b"]}""", true)]
    [InlineData("""{">": [{"var": "yes"}, 0]}""", true)]
    public void A_var_compared_with_a_literal_orders_as_javascript_does(string logic, bool expected) => Check(logic, expected);

    [Fact]
    public void Reduce_can_build_objects_and_arrays_in_its_accumulator()
    {
        var data = JsonNode.Parse("""{"items": [{"sku": "a"}, {"sku": "b"}]}""");

        var skus = Logic.Compile(JsonNode.Parse("""{"reduce": [{"var": "items"}, {"merge": [{"var": "accumulator"}, [{"var": "current.sku"}]]}, []]}"""));
        var scopes = Logic.Compile(JsonNode.Parse("""{"reduce": [{"var": "items"}, {"var": ""}, 0]}"""));

        JsonAssert.Equal("""["a", "b"]""", skus.Evaluate(data));
        JsonAssert.Equal("""{"current": {"sku": "b"}, "accumulator": {"current": {"sku": "a"}, "accumulator": 0}}""", scopes.Evaluate(data));
    }

    [Theory]
    [InlineData("""{"some": [{"var": "word"}, {"==": [{"var": ""}, "a"]}]}""", false)]
    [InlineData("""{"none": [{"var": "word"}, {"==": [{"var": ""}, "a"]}]}""", true)]
    [InlineData("""{"some": [{"var": "obj"}, true]}""", false)]
    [InlineData("""{"none": [{"var": "nothing"}, true]}""", true)]
    [InlineData("""{"some": [{"var": "mixed"}, {"in": [{"var": ""}, ["vip"]]}]}""", true)]
    [InlineData("""{"none": [{"var": "mixed"}, {"in": [{"var": ""}, ["x"]]}]}""", true)]
    public void Some_and_none_see_anything_but_an_array_as_empty(string logic, bool expected) => Check(logic, expected);

    [Fact]
    public void Objects_with_the_same_keys_in_another_order_or_with_many_keys_are_read_by_name()
    {
        var keys = Enumerable.Range(0, 30).Select(i => $"k{i}").ToArray();
        var wide = new JsonObject(keys.Select(k => KeyValuePair.Create(k, (JsonNode?)JsonValue.Create(k))));
        var expression = Logic.Compile(JsonNode.Parse("""{"cat": [{"var": "a"}, {"var": "b"}, {"var": "w.k17"}, {"var": "w.k29"}]}"""));

        var first = new JsonLogicData(new JsonObject { ["a"] = "1", ["b"] = "2", ["w"] = wide });
        var second = new JsonLogicData(new JsonObject { ["b"] = "4", ["a"] = "3", ["w"] = wide.DeepClone() });

        JsonAssert.Equal("\"12k17k29\"", first.Evaluate(expression));
        JsonAssert.Equal("\"34k17k29\"", second.Evaluate(expression));
        JsonAssert.Equal("\"12k17k29\"", first.Evaluate(expression));
    }

    private static void Check(string logic, bool expected)
    {
        var node = JsonNode.Parse(logic);
        var data = new JsonLogicData(JsonNode.Parse(Data));
        var specialised = Logic.Compile(node);
        var general = Logic.Compile(HideVars(node));

        Assert.Equal(expected, data.Satisfies(specialised));
        Assert.Equal(expected, data.Satisfies(general));
        JsonAssert.Equal(data.Evaluate(general), data.Evaluate(specialised));
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
