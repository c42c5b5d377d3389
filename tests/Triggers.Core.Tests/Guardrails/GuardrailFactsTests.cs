using Triggers.Core.Contacts;
using Triggers.Core.Guardrails;
using Triggers.Core.Simulation.Memory;
using Triggers.Core.Touchpoints;
using static Triggers.Core.Tests.Guardrails.GuardrailFixtures;

namespace Triggers.Core.Tests.Guardrails;

public sealed class GuardrailFactsTests
{
    private static readonly GuardrailOptions Options = new();

    [Fact]
    public async Task At_planning_the_caps_count_the_contacts_other_planned_touches_on_the_day_and_week_they_count_in()
    {
        var ct = TestContext.Current.CancellationToken;
        var (facts, _, ledger) = Create();
        var now = At(3, 9);
        PlannedTouch[] planned = [new(Id(1), At(3, 15), now), new(Id(2), At(4, 10), now), new(Id(3), At(12, 10), now)];
        await ledger.RecordAsync("default", "wechat-main", "o-actor-1", new DateOnly(2026, 11, 3), "agent-1", automated: false, ct);

        var context = await facts.LoadAsync(Touchpoint(At(3, 12), id: Id(5)) with { PlannedAt = now }, "wechat", Options, GuardrailStage.Planning, now, ct, planned: planned);

        // The day: the person's message and the 15:00 message; not tomorrow's. The week (Monday 2 to Sunday 8): not the 12th's.
        Assert.Equal((2, 1), (context.DayTotal, context.DayAutomated));
        Assert.Equal((3, 2), (context.WeekTotal, context.WeekAutomated));
    }

    [Fact]
    public async Task At_planning_a_touch_due_later_counts_against_the_day_it_is_due_not_today()
    {
        var ct = TestContext.Current.CancellationToken;
        var (facts, _, _) = Create();
        var now = At(3, 9);
        PlannedTouch[] planned = [new(Id(1), At(3, 15), now), new(Id(2), At(4, 10), now)];

        var context = await facts.LoadAsync(Touchpoint(At(4, 12), id: Id(5)) with { PlannedAt = now }, "wechat", Options, GuardrailStage.Planning, now, ct, planned: planned);

        Assert.Equal(1, context.DayTotal);
    }

    [Fact]
    public async Task At_planning_the_planned_touches_are_required()
    {
        var (facts, _, _) = Create();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            facts.LoadAsync(Touchpoint(At(3, 12)), "wechat", Options, GuardrailStage.Planning, At(3, 9), TestContext.Current.CancellationToken));

        Assert.Contains("PlannedTouches", error.Message, StringComparison.Ordinal);
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
        var (facts, _, _) = Create();
        var touchpoint = Touchpoint(At(3, 15), id: Id(1)) with { PlannedAt = At(3, 9) };

        var context = await facts.LoadAsync(touchpoint, "wechat", Options, GuardrailStage.Planning, At(3, 9), ct, planned: [PlannedTouch.Of(touchpoint)]);

        Assert.Equal(0, context.DayTotal);
    }

    private static (GuardrailFacts Facts, MemoryTouchpoints Touchpoints, MemoryLedger Ledger) Create()
    {
        var (touchpoints, ledger) = (new MemoryTouchpoints(), new MemoryLedger());
        return (new GuardrailFacts(new MemoryContacts(), ledger), touchpoints, ledger);
    }
}
