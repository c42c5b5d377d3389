using Triggers.Core.Rules;
using Triggers.Core.Tests.Support;

namespace Triggers.Core.Tests.Rules;

public sealed class CouponActionTests
{
    [Fact]
    public void A_coupon_action_carries_its_face_value_and_depth_to_the_touchpoint_it_plans()
    {
        var rule = Assert.Single(RuleSet.Compile([TestSignals.Rule("thanks", then: """[{"type": "coupon", "template": "c", "value": 19.9, "depth": 0.1}]""")]).Rules);

        var touchpoint = Assert.Single(Triggers.Core.Touchpoints.TouchpointPlanner.Plan(rule, TestSignals.Message(), TestSignals.Angry(), TestSignals.OccurredAt));

        Assert.Equal((19.9m, 0.1), (touchpoint.CouponValue, touchpoint.Depth));
    }

    [Theory]
    [InlineData("""[{"type": "coupon", "template": "c", "value": 0}]""", "Then[0].value must be the coupon's face value in yuan, above 0 and at most 100000, to the fen (20 or 19.9), but it is 0")]
    [InlineData("""[{"type": "coupon", "template": "c", "value": 1.234}]""", "Then[0].value must be the coupon's face value in yuan")]
    [InlineData("""[{"type": "coupon", "template": "c", "value": "20"}]""", "Then[0].value must be the coupon's face value in yuan")]
    [InlineData("""[{"type": "message", "text": "hi", "value": 20}]""", "Then[0].value is only for a coupon action")]
    public void A_face_value_that_is_not_an_amount_of_yuan_is_a_problem_that_says_how_to_fix_it(string then, string expected)
    {
        var problem = Assert.Single(RuleProblems.Of(TestSignals.Rule("r", then: then)));

        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }
}
