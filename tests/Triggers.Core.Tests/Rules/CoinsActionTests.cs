using Triggers.Core.Rules;
using Triggers.Core.Tests.Support;

namespace Triggers.Core.Tests.Rules;

public sealed class CoinsActionTests
{
    [Fact]
    public void A_coins_action_carries_its_amount_and_reason_to_the_touchpoint_it_plans()
    {
        var set = RuleSet.Compile([TestSignals.Rule("streak", then: """[{"type": "coins", "amount": 100, "reason": "连续打卡 7 天"}]""")]);
        var rule = Assert.Single(set.Rules);

        var touchpoint = Assert.Single(Triggers.Core.Touchpoints.TouchpointPlanner.Plan(rule, TestSignals.Message(), TestSignals.Angry(), TestSignals.OccurredAt));

        Assert.Equal((100L, "连续打卡 7 天"), (touchpoint.Amount, touchpoint.Reason));
    }

    [Fact]
    public void A_coins_action_may_add_experience_alone()
    {
        var action = Assert.Single(Assert.Single(RuleSet.Compile([TestSignals.Rule("team-up", then: """[{"type": "coins", "xp": 20, "reason": "组队学习"}]""")]).Rules).Actions);

        Assert.Equal(((long?)null, (long?)20), (action.Amount, action.Xp));
    }

    [Theory]
    [InlineData("""[{"type": "coins", "reason": "x"}]""", "Then[0] is a coins action without \"amount\" or \"xp\"")]
    [InlineData("""[{"type": "coins", "xp": -3}]""", "Then[0].xp must be a whole number of experience points from 1")]
    [InlineData("""[{"type": "tag", "text": "t", "xp": 5}]""", "Then[0].xp is only for a coins action")]
    [InlineData("""[{"type": "coins", "amount": 0}]""", "Then[0].amount must be a whole number of coins from 1")]
    [InlineData("""[{"type": "coins", "amount": 2.5}]""", "Then[0].amount must be a whole number of coins from 1")]
    [InlineData("""[{"type": "coins", "amount": "100"}]""", "Then[0].amount must be a whole number of coins from 1")]
    [InlineData("""[{"type": "message", "text": "hi", "amount": 5}]""", "Then[0].amount is only for a coins action")]
    public void A_coins_amount_that_cannot_be_deposited_is_a_problem_that_says_how_to_fix_it(string then, string expected)
    {
        var problem = Assert.Single(RuleProblems.Of(TestSignals.Rule("r", then: then)));

        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_contribute_action_carries_its_community_points_to_the_touchpoint()
    {
        var rule = Assert.Single(RuleSet.Compile([TestSignals.Rule("fake-report", then: """[{"type": "contribute", "points": 8, "reason": "举报假货"}]""")]).Rules);

        var touchpoint = Assert.Single(Triggers.Core.Touchpoints.TouchpointPlanner.Plan(rule, TestSignals.Message(), TestSignals.Angry(), TestSignals.OccurredAt));

        Assert.Equal(("contribute", 8L, "举报假货"), (touchpoint.Type, touchpoint.Amount, touchpoint.Reason));
    }

    [Theory]
    [InlineData("""[{"type": "contribute"}]""", "Then[0].points must be a whole number of community points from -1000 to 1000, not 0, but it is missing")]
    [InlineData("""[{"type": "contribute", "points": 0}]""", "Then[0].points must be a whole number of community points")]
    [InlineData("""[{"type": "contribute", "points": 2000}]""", "Then[0].points must be a whole number of community points")]
    [InlineData("""[{"type": "tag", "text": "t", "points": 5}]""", "Then[0].points is only for a contribute action")]
    public void Contribution_points_that_cannot_be_recorded_are_a_problem_that_says_how_to_fix_it(string then, string expected)
    {
        var problem = Assert.Single(RuleProblems.Of(TestSignals.Rule("r", then: then)));

        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }
}
