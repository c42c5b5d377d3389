using Triggers.Core.Guardrails;
using Triggers.Core.Simulation.Memory;
using Triggers.Core.Touchpoints;
using static Triggers.Core.Tests.Guardrails.GuardrailFixtures;

namespace Triggers.Core.Tests.Guardrails;

public sealed class GuardrailFactsTests
{
    private static readonly GuardrailOptions Options = new();

    [Fact]
    public async Task At_planning_the_caps_count_the_contacts_other_planned_touches_on_the_day_and_week_they_are_due()
    {
        var ct = TestContext.Current.CancellationToken;
        var (facts, touchpoints, ledger) = Create();
        var now = At(3, 9);
        await touchpoints.TryAddAsync(Touchpoint(At(3, 15), id: Id(1)) with { PlannedAt = now }, ct);
        await touchpoints.TryAddAsync(Touchpoint(At(4, 10), id: Id(2)) with { PlannedAt = now }, ct);
        await touchpoints.TryAddAsync(Touchpoint(At(3, 16), type: "alert", id: Id(3)) with { PlannedAt = now }, ct);
        await touchpoints.TryAddAsync(Touchpoint(At(3, 17), id: Id(4)) with { PlannedAt = now, Status = TouchpointStatus.Blocked }, ct);
        await ledger.RecordAsync("default", "wechat-main", "o-actor-1", new DateOnly(2026, 11, 3), "agent-1", automated: false, ct);

        var context = await facts.LoadAsync(Touchpoint(At(3, 12), id: Id(5)) with { PlannedAt = now }, "wechat", Options, GuardrailStage.Planning, now, ct);

        // The day: the person's message and the 15:00 message; not the alert, not the blocked one, not tomorrow's.
        Assert.Equal((2, 1), (context.DayTotal, context.DayAutomated));
        Assert.Equal((3, 2), (context.WeekTotal, context.WeekAutomated));
    }

    [Fact]
    public async Task At_dispatch_only_the_touches_that_went_out_count()
    {
        var ct = TestContext.Current.CancellationToken;
        var (facts, touchpoints, ledger) = Create();
        var now = At(3, 12);
        await touchpoints.TryAddAsync(Touchpoint(At(3, 15), id: Id(1)) with { PlannedAt = At(3, 9) }, ct);
        await ledger.RecordAsync("default", "wechat-main", "o-actor-1", new DateOnly(2026, 11, 3), Id(9), automated: true, ct);

        var context = await facts.LoadAsync(Touchpoint(now, id: Id(5)), "wechat", Options, GuardrailStage.Dispatch, now, ct);

        Assert.Equal((1, 1), (context.DayTotal, context.DayAutomated));
    }

    [Fact]
    public async Task A_touchpoint_judged_again_does_not_count_itself()
    {
        var ct = TestContext.Current.CancellationToken;
        var (facts, touchpoints, _) = Create();
        var touchpoint = Touchpoint(At(3, 15), id: Id(1)) with { PlannedAt = At(3, 9) };
        await touchpoints.TryAddAsync(touchpoint, ct);

        var context = await facts.LoadAsync(touchpoint, "wechat", Options, GuardrailStage.Planning, At(3, 9), ct);

        Assert.Equal(0, context.DayTotal);
    }

    private static (GuardrailFacts Facts, MemoryTouchpoints Touchpoints, MemoryLedger Ledger) Create()
    {
        var (touchpoints, ledger) = (new MemoryTouchpoints(), new MemoryLedger());
        return (new GuardrailFacts(new MemoryContacts(), ledger, touchpoints), touchpoints, ledger);
    }
}
