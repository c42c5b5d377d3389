using Triggers.Core.Guardrails;
using Triggers.Core.Rules;
using Triggers.Core.Touchpoints;
using static Triggers.Core.Tests.Guardrails.GuardrailFixtures;

namespace Triggers.Core.Tests.Guardrails;

/// <summary>The first guardrail that objects wins: precedence, consent, platform policy, frequency cap, quiet hours.</summary>
public sealed class GuardrailOrderTests
{
    private static readonly DateTimeOffset Late = At(3, 23, 30);

    [Fact]
    public void Consent_comes_before_the_platform_window()
    {
        var contact = Contact(lastInbound: Late.AddDays(-5), optedOut: true, source: "keyword:退订") with { ConsentChangedAt = At(1, 9, 0) };

        var block = Assert.IsType<GuardrailDecision.Block>(Evaluate(Touchpoint(Late), Context(Late, contact)));

        Assert.Equal(GuardrailNames.Consent, block.Guardrail);
        Assert.Equal("the contact opted out (keyword:退订) at 2026-11-01 09:00 +08:00", block.Detail);
    }

    [Fact]
    public void The_platform_window_comes_before_the_cap()
    {
        var context = Context(Late, Contact(lastInbound: Late.AddDays(-5))) with { DayTotal = 3, DayAutomated = 3 };

        Assert.Equal(GuardrailNames.PlatformPolicy, Assert.IsType<GuardrailDecision.Block>(Evaluate(Touchpoint(Late), context)).Guardrail);
    }

    [Fact]
    public void The_cap_blocks_before_quiet_hours_defer()
    {
        var context = Context(Late) with { DayTotal = 2, DayAutomated = 2 };

        Assert.Equal(GuardrailNames.FrequencyCap, Assert.IsType<GuardrailDecision.Block>(Evaluate(Touchpoint(Late), context)).Guardrail);
    }

    [Fact]
    public void An_opted_out_contact_still_gets_tags_hand_offs_and_alerts_on_our_side()
    {
        var contact = Contact(optedOut: true, source: "unfollow");

        foreach (var type in new[] { "tag", "coins", "handoff", "alert" })
        {
            Assert.IsType<GuardrailDecision.Allow>(Evaluate(Touchpoint(At(3, 12, 0), type), Context(At(3, 12, 0), contact)));
        }
    }

    [Fact]
    public void A_banned_use_blocks_even_an_action_that_stays_on_our_side()
    {
        var touchpoint = Touchpoint(At(3, 12, 0), "alert") with { Uses = ActionUses.OutboundCall };

        var decision = GuardrailEvaluator.Evaluate(touchpoint, Context(At(3, 12, 0)), new GuardrailOptions());

        Assert.Equal(GuardrailNames.PlatformPolicy, Assert.IsType<GuardrailDecision.Block>(decision).Guardrail);
    }
}
