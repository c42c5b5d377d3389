using System.Text.Json.Nodes;
using Triggers.Core.Rules;
using Triggers.Core.Tests.Support;

namespace Triggers.Core.Tests.Rules;

public sealed class RuleSetTests
{
    [Fact]
    public void Rules_come_highest_priority_first_then_by_ordinal_id()
    {
        var set = RuleSet.Compile(
        [
            TestSignals.Rule("b", priority: 10),
            TestSignals.Rule("A", priority: 1),
            TestSignals.Rule("a", priority: 10),
            TestSignals.Rule("z", priority: 50),
            TestSignals.Rule("B", priority: 10),
        ]);

        // Ordinal: "B" (66) sorts before "a" (97) and "b" (98).
        Assert.Equal(["z", "B", "a", "b", "A"], set.Rules.Select(r => r.Id));
        Assert.Empty(set.Problems);
    }

    [Fact]
    public void Disabled_rules_are_neither_rules_nor_problems_even_when_broken()
    {
        var set = RuleSet.Compile(
        [
            TestSignals.Rule("off", enabled: false),
            TestSignals.Rule("off-and-broken", when: "{nope", enabled: false),
            TestSignals.Rule("on"),
        ]);

        Assert.Equal(["on"], set.Rules.Select(r => r.Id));
        Assert.Empty(set.Problems);
    }

    [Fact]
    public void A_broken_rule_is_listed_as_a_problem_and_the_others_still_work()
    {
        var set = RuleSet.Compile(
        [
            TestSignals.Rule("good-1", when: """{"==": [{"var": "signal.kind"}, "message"]}"""),
            TestSignals.Rule("broken", when: """{"like": [{"var": "signal.text"}, "%refund%"]}""", tenant: "acme"),
            TestSignals.Rule("good-2", when: "false"),
        ]);

        Assert.Equal(["good-1", "good-2"], set.Rules.Select(r => r.Id));
        var problem = Assert.Single(set.Problems);
        Assert.Equal("acme", problem.Tenant);
        Assert.Equal("broken", problem.RuleId);
        Assert.Contains("unknown operator \"like\" at $", problem.Problem, StringComparison.Ordinal);
        Assert.True(set.Rules[0].Matches(new JsonObject { ["signal"] = new JsonObject { ["kind"] = "message" } }));
        Assert.False(set.Rules[1].Matches(new JsonObject()));
    }

    [Fact]
    public void ForTenant_returns_only_that_tenants_rules_in_order()
    {
        var set = RuleSet.Compile(
        [
            TestSignals.Rule("x", priority: 1, tenant: "acme"),
            TestSignals.Rule("y", priority: 2, tenant: "other"),
            TestSignals.Rule("z", priority: 3, tenant: "acme"),
        ]);

        Assert.Equal(["z", "x"], set.ForTenant("acme").Select(r => r.Id));
        Assert.Equal(["y"], set.ForTenant("other").Select(r => r.Id));
        Assert.Empty(set.ForTenant("nobody"));
        Assert.Empty(set.ForTenant("ACME"));
    }

    [Fact]
    public void The_empty_set_has_no_rules_and_no_problems()
    {
        Assert.Empty(RuleSet.Empty.Rules);
        Assert.Empty(RuleSet.Empty.Problems);
        Assert.Empty(RuleSet.Empty.ForTenant("default"));
    }

    [Fact]
    public void A_compiled_rule_keeps_the_definitions_facts()
    {
        var rule = TestSignals.Compile(new RuleDefinition(
            "acme", "refund-care", Enabled: true, Priority: 7, When: "true", Then: """[{"type": "handoff"}]""",
            Cooldown: "P1D", Description: "hand refunds to a person", Version: "3"));

        Assert.Equal(("acme", "refund-care", "3", 7, "hand refunds to a person"), (rule.Tenant, rule.Id, rule.Version, rule.Priority, rule.Description));
        Assert.Equal(TimeSpan.FromDays(1), rule.Cooldown);
    }

    [Fact]
    public void Actions_take_their_defaults_when_fields_are_left_out()
    {
        var rule = TestSignals.Compile(TestSignals.Rule("r", then: """[{"type": "tag", "text": "vip"}]"""));

        Assert.Equal(new RuleAction("tag", Channel: null, Template: null, Text: "vip", TimeSpan.Zero, Slack: 0.1), Assert.Single(rule.Actions));
        Assert.Null(rule.Cooldown);
    }

    [Fact]
    public void Actions_read_every_documented_field()
    {
        var rule = TestSignals.Compile(TestSignals.Rule("r", then: """
            [
              {"type": "message", "channel": "wechat-main", "template": "apology", "delay": "PT10M", "slack": 0.25},
              {"type": "coupon", "template": "SORRY10", "delay": "P1DT2H"},
              {"type": "alert", "text": "angry customer", "slack": 0}
            ]
            """, cooldown: "PT30M"));

        Assert.Equal(
            [
                new RuleAction("message", "wechat-main", "apology", null, TimeSpan.FromMinutes(10), 0.25),
                new RuleAction("coupon", null, "SORRY10", null, TimeSpan.FromHours(26), 0.1),
                new RuleAction("alert", null, null, "angry customer", TimeSpan.Zero, 0),
            ],
            rule.Actions);
        Assert.Equal(TimeSpan.FromMinutes(30), rule.Cooldown);
    }

    [Fact]
    public void Known_channels_pass_the_channel_check()
    {
        var set = RuleSet.Compile(
            [TestSignals.Rule("r", then: """[{"type": "message", "text": "hi", "channel": "wechat-main"}]""")],
            name => name == "wechat-main");

        Assert.Single(set.Rules);
        Assert.Empty(set.Problems);
    }
}
