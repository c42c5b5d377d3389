using Triggers.Core.Rules;
using Triggers.Core.Tests.Support;

namespace Triggers.Core.Tests.Touchpoints;

internal static class PlannerFixtures
{
    public static readonly DateTimeOffset Now = TestSignals.OccurredAt.AddMinutes(2);

    public static readonly CompiledRule Rule = TestSignals.Compile(TestSignals.Rule(
        "refund-care",
        then: """
            [
              {"type": "message", "template": "apology", "delay": "PT1H"},
              {"type": "tag", "text": "refund-risk"},
              {"type": "coupon", "channel": "shop", "template": "SORRY10", "delay": "PT1H", "slack": 0.1}
            ]
            """,
        version: "3"));
}
