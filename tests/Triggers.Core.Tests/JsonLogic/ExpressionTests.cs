using System.Text.Json.Nodes;
using Logic = Triggers.Core.JsonLogic.JsonLogic;

namespace Triggers.Core.Tests.JsonLogic;

public sealed class ExpressionTests
{
    [Fact]
    public void Evaluate_returns_a_copy_the_caller_may_change_and_attach()
    {
        var data = JsonNode.Parse("""{"topics": ["refund"]}""");
        var expression = Logic.Compile(JsonNode.Parse("""{"var": "topics"}"""));

        var result = expression.Evaluate(data)!.AsArray();
        result.Add("extra");
        var holder = new JsonObject { ["result"] = result };

        Assert.Single(data!["topics"]!.AsArray());
        Assert.Equal(2, holder["result"]!.AsArray().Count);
    }

    [Fact]
    public void Changing_a_result_does_not_change_the_compiled_logic()
    {
        var expression = Logic.Compile(JsonNode.Parse("""["a", "b"]"""));

        expression.Evaluate(null)!.AsArray().Clear();

        Assert.Equal(2, expression.Evaluate(null)!.AsArray().Count);
    }

    [Fact]
    public void Changing_the_source_after_compiling_does_not_change_the_logic()
    {
        var source = JsonNode.Parse("""{"==": [{"var": "kind"}, "message"]}""")!;
        var expression = Logic.Compile(source);

        source["=="]![1] = "follow";

        Assert.True(expression.IsSatisfiedBy(new JsonObject { ["kind"] = "message" }));
    }

    [Fact]
    public void One_expression_evaluates_correctly_from_many_threads()
    {
        var expression = Logic.Compile(JsonNode.Parse("""{"and": [{"in": [{"var": "t"}, ["x", "y", "z"]]}, {">": [{"var": "n"}, 500]}]}"""));

        var results = new bool[2000];
        Parallel.For(0, results.Length, i =>
            results[i] = expression.IsSatisfiedBy(new JsonObject { ["t"] = i % 2 == 0 ? "x" : "q", ["n"] = i }));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(i % 2 == 0 && i > 500, results[i]);
        }
    }
}
