using Triggers.Core.Rules;
using Triggers.Core.Tests.Support;

namespace Triggers.Core.Tests.Rules;

/// <summary>Broken When, Cooldown and ids are reported with what is wrong, where, and how to fix it.</summary>
public sealed class RuleValidationTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void A_missing_condition_is_a_problem(string? when)
    {
        var problem = Assert.Single(RuleProblems.Of(TestSignals.Rule("r") with { When = when }));

        Assert.StartsWith("When is empty: write the condition as JsonLogic", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"==": [1, 2}""", "line 1, character 13")]
    [InlineData("{\n  \"and\": [true,,]\n}", "line 2, character 16")]
    // 退 and 款 are three bytes each in UTF-8; the position is counted in characters.
    [InlineData("""{"in": ["退款", {"var" "signal.text"}]}""", "line 1, character 22")]
    public void A_condition_that_is_not_JSON_is_reported_with_line_and_character(string when, string location)
    {
        var problem = Assert.Single(RuleProblems.Of(TestSignals.Rule("r", when: when)));

        Assert.StartsWith($"When is not valid JSON at {location}: ", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_operator_is_reported_with_its_name_and_path()
    {
        var problem = Assert.Single(RuleProblems.Of(TestSignals.Rule("r", when:
            """{"and": [{"==": [{"var": "signal.kind"}, "message"]}, {"contains": [{"var": "signal.text"}, "退款"]}]}""")));

        Assert.StartsWith("When: unknown operator \"contains\" at $.and[1]; supported operators: ", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("30m")]
    [InlineData("P1H")]
    [InlineData("-PT1H")]
    public void A_cooldown_that_is_not_a_positive_ISO_8601_duration_is_a_problem(string cooldown)
    {
        var problem = Assert.Single(RuleProblems.Of(TestSignals.Rule("r", cooldown: cooldown)));

        Assert.StartsWith($"Cooldown \"{cooldown}\" is ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_a_rule_is_reported_at_once()
    {
        var problems = RuleProblems.Of(TestSignals.Rule(
            "r",
            when: """{"foo": 1}""",
            then: """[{"type": "message", "text": "ok"}, {"type": "coins", "amount": 10, "delay": "soon", "slack": 2}]""",
            cooldown: "daily"));

        Assert.Equal(4, problems.Count);
        Assert.StartsWith("When: unknown operator \"foo\"", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("Then[1].delay \"soon\"", problems[1], StringComparison.Ordinal);
        Assert.StartsWith("Then[1].slack 2 ", problems[2], StringComparison.Ordinal);
        Assert.StartsWith("Cooldown \"daily\"", problems[3], StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_rule_with_the_same_tenant_and_id_is_a_problem()
    {
        var set = RuleSet.Compile([TestSignals.Rule("dup", priority: 1), TestSignals.Rule("dup", priority: 2)]);

        Assert.Equal(1, Assert.Single(set.Rules).Priority);
        Assert.Contains("appears more than once", Assert.Single(set.Problems).Problem, StringComparison.Ordinal);
    }
}
