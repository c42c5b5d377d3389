using Triggers.Testing;
using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic;
using Triggers.Core.Tests.Support;
using Logic = Triggers.Core.JsonLogic.JsonLogic;

namespace Triggers.Core.Tests.JsonLogic;

/// <summary><see cref="JsonLogicData"/>: one signal's data evaluated by many expressions, each path looked up once.</summary>
public sealed class PreparedDataTests
{
    [Fact]
    public void Every_conformance_row_gives_the_same_result_on_prepared_data_as_on_the_raw_node()
    {
        var file = JsonNode.Parse(File.ReadAllText(SharedData.Locate(Path.Combine("jsonlogic", "tests.json"))))!.AsArray();
        var rows = file.OfType<JsonArray>().ToList();
        foreach (var row in rows)
        {
            var expression = Logic.Compile(row[0]);
            var prepared = new JsonLogicData(row[1]?.DeepClone());

            // Twice: the second evaluation reads what the first remembered.
            var first = prepared.Evaluate(expression);
            var second = prepared.Evaluate(expression);

            var raw = expression.Evaluate(row[1]?.DeepClone());
            Assert.True(JsonNode.DeepEquals(raw, first), $"{row.ToJsonString()}: raw {raw?.ToJsonString()}, prepared {first?.ToJsonString()}");
            Assert.True(JsonNode.DeepEquals(raw, second), $"{row.ToJsonString()}: raw {raw?.ToJsonString()}, prepared again {second?.ToJsonString()}");
            Assert.Equal(expression.IsSatisfiedBy(row[1]?.DeepClone()), prepared.Satisfies(expression));
        }

        Assert.Equal(277, rows.Count);
    }

    [Fact]
    public void Expressions_sharing_a_path_each_see_its_value_and_its_default_when_it_is_absent()
    {
        var data = new JsonLogicData(JsonNode.Parse("""{"signal":{"kind":"message","text":"想试驾"},"contact":{"orders":2}}"""));
        var isMessage = Logic.Compile(JsonNode.Parse("""{"==":[{"var":"signal.kind"},"message"]}"""));
        var isOrder = Logic.Compile(JsonNode.Parse("""{"==":[{"var":"signal.kind"},"order"]}"""));
        var wantsTestDrive = Logic.Compile(JsonNode.Parse("""{"in":["试驾",{"var":"signal.text"}]}"""));
        var coins = Logic.Compile(JsonNode.Parse("""{"var":["contact.coins",7]}"""));
        var coinsOtherDefault = Logic.Compile(JsonNode.Parse("""{"var":["contact.coins",9]}"""));

        Assert.True(data.Satisfies(isMessage));
        Assert.False(data.Satisfies(isOrder));
        Assert.True(data.Satisfies(wantsTestDrive));
        JsonAssert.Equal("7", data.Evaluate(coins));
        JsonAssert.Equal("9", data.Evaluate(coinsOtherDefault));
    }

    [Fact]
    public void A_path_first_compiled_after_the_data_was_prepared_is_still_found()
    {
        var data = new JsonLogicData(JsonNode.Parse("""{"a":{"b":1}}"""));
        var unique = $"a.b{Guid.NewGuid():N}";
        _ = Logic.Compile(JsonNode.Parse($$"""{"var":"{{unique}}"}"""));
        var late = Logic.Compile(JsonNode.Parse("""{"var":"a.b"}"""));

        JsonAssert.Equal("1", data.Evaluate(late));
        JsonAssert.Equal("null", data.Evaluate(Logic.Compile(JsonNode.Parse($$"""{"var":"{{unique}}"}"""))));
    }

    [Fact]
    public void The_result_is_a_copy_the_caller_owns()
    {
        var node = JsonNode.Parse("""{"tags":["vip"]}""");
        var data = new JsonLogicData(node);

        var result = data.Evaluate(Logic.Compile(JsonNode.Parse("""{"var":"tags"}""")))!;
        result.AsArray().Add("changed");

        Assert.Equal("""{"tags":["vip"]}""", node!.ToJsonString());
    }
}
