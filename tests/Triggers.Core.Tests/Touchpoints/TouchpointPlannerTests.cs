using Triggers.Core.Tests.Support;
using Triggers.Core.Touchpoints;

namespace Triggers.Core.Tests.Touchpoints;

public sealed class TouchpointPlannerTests
{
    [Fact]
    public void Each_action_becomes_a_planned_touchpoint_for_the_signals_actor()
    {
        var signal = TestSignals.Message();

        var touchpoints = TouchpointPlanner.Plan(PlannerFixtures.Rule, signal, TestSignals.Angry("refund"), PlannerFixtures.Now);

        Assert.Equal(3, touchpoints.Count);
        for (var i = 0; i < touchpoints.Count; i++)
        {
            var touchpoint = touchpoints[i];
            Assert.Equal(TouchpointIds.Create("default", "refund-care", "sig-1", i), touchpoint.Id);
            Assert.Equal(i, touchpoint.ActionIndex);
            Assert.Equal(("default", "refund-care", "3", "sig-1"), (touchpoint.Tenant, touchpoint.RuleId, touchpoint.RuleVersion, touchpoint.SignalId));
            Assert.Equal("o-actor-1", touchpoint.Contact);
            Assert.Equal(TouchpointStatus.Planned, touchpoint.Status);
            Assert.Equal(PlannerFixtures.Now, touchpoint.PlannedAt);
        }

        Assert.Equal(["message", "tag", "coupon"], touchpoints.Select(t => t.Type));
        Assert.Equal(("apology", null), (touchpoints[0].Template, touchpoints[0].Text));
        Assert.Equal((null, "refund-risk"), (touchpoints[1].Template, touchpoints[1].Text));
    }

    [Fact]
    public void A_touchpoint_carries_its_actions_type_text_template_channel_and_uses_so_dispatch_needs_no_rule()
    {
        var rule = TestSignals.Compile(TestSignals.Rule("livestream", then: """
            [{"type": "invite", "channel": "live", "template": "range-test", "uses": ["digital-human-livestream"], "delay": "PT1H"}]
            """));

        var touchpoint = Assert.Single(TouchpointPlanner.Plan(rule, TestSignals.Message(), TestSignals.Angry(), PlannerFixtures.Now));

        Assert.Equal(("invite", "live", "range-test", (string?)null), (touchpoint.Type, touchpoint.Channel, touchpoint.Template, touchpoint.Text));
        Assert.Equal(["digital-human-livestream"], touchpoint.UseList);
        Assert.Null(TouchpointPlanner.Plan(PlannerFixtures.Rule, TestSignals.Message(), TestSignals.Angry(), PlannerFixtures.Now)[0].Uses);
    }

    [Fact]
    public void The_channel_defaults_to_the_signals_channel()
    {
        var touchpoints = TouchpointPlanner.Plan(PlannerFixtures.Rule, TestSignals.Message(), TestSignals.Angry(), PlannerFixtures.Now);

        Assert.Equal(["wechat-main", "wechat-main", "shop"], touchpoints.Select(t => t.Channel));
    }

    [Fact]
    public void Why_names_the_rule_version_and_the_facts_that_mattered()
    {
        var touchpoint = TouchpointPlanner.Plan(PlannerFixtures.Rule, TestSignals.Message(), TestSignals.Angry("refund", "delivery"), PlannerFixtures.Now)[0];

        Assert.Contains("\"refund-care\"", touchpoint.Why, StringComparison.Ordinal);
        Assert.Contains("version 3", touchpoint.Why, StringComparison.Ordinal);
        Assert.Contains("message signal", touchpoint.Why, StringComparison.Ordinal);
        Assert.Contains("negative sentiment", touchpoint.Why, StringComparison.Ordinal);
        Assert.Contains("refund, delivery", touchpoint.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_without_a_version_is_planned_with_an_empty_version_and_says_so()
    {
        var rule = TestSignals.Compile(TestSignals.Rule("r", version: null));

        var touchpoint = Assert.Single(TouchpointPlanner.Plan(rule, TestSignals.Message(), TestSignals.Angry(), PlannerFixtures.Now));

        Assert.Equal(string.Empty, touchpoint.RuleVersion);
        Assert.Contains("unversioned", touchpoint.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_of_another_tenant_is_refused()
    {
        Assert.Throws<ArgumentException>(() =>
            TouchpointPlanner.Plan(PlannerFixtures.Rule, TestSignals.Message(tenant: "acme"), TestSignals.Angry(), PlannerFixtures.Now));
    }
}
