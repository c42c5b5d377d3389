using Triggers.Core.Contacts;
using Triggers.Core.Touchpoints;
using Triggers.Core.Tests.Support;
using static Triggers.Core.Tests.Guardrails.GuardrailFixtures;

namespace Triggers.Core.Tests.Contacts;

public sealed class PlannedTouchesTests
{
    private static readonly DateTimeOffset Now = At(3, 9);

    [Fact]
    public async Task A_contact_never_seen_has_no_planned_touches_and_nothing_is_read()
    {
        var store = new CountingTouchpoints();

        var planned = await new PlannedTouches(store).LoadAsync(null, "default", "wechat-main", "o-actor-1", Now, TestContext.Current.CancellationToken);

        Assert.Empty(planned);
        Assert.Equal((0, 0), (store.Reads, store.Queries));
    }

    [Fact]
    public async Task A_state_stored_before_the_index_existed_reads_the_contacts_planned_capped_touchpoints_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new CountingTouchpoints();
        await store.TryAddAsync(Touchpoint(At(3, 15), id: Id(1)) with { PlannedAt = Now }, ct);
        await store.TryAddAsync(Touchpoint(At(3, 16), type: "alert", id: Id(2)) with { PlannedAt = Now }, ct);
        await store.TryAddAsync(Touchpoint(At(3, 17), id: Id(3)) with { PlannedAt = Now, Status = TouchpointStatus.Blocked }, ct);
        await store.TryAddAsync(Touchpoint(At(3, 18), id: Id(4)) with { PlannedAt = Now, Contact = "someone-else" }, ct);

        var planned = await new PlannedTouches(store).LoadAsync(Contact() with { Version = "v1" }, "default", "wechat-main", "o-actor-1", Now, ct);

        Assert.Equal([Id(1)], planned.Select(p => p.Id));
        Assert.Equal(At(3, 15), planned[0].CountsAt);
        Assert.Equal(1, store.Queries);
    }

    [Fact]
    public async Task Entries_due_already_are_checked_and_kept_only_while_still_planned_at_their_current_wake_time_and_others_are_not_read()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new CountingTouchpoints();
        await store.TryAddAsync(Touchpoint(At(3, 8), id: Id(1)) with { PlannedAt = At(3, 7), WakeAt = At(4, 8) }, ct);
        await store.TryAddAsync(Touchpoint(At(3, 8), id: Id(2)) with { PlannedAt = At(3, 7), Status = TouchpointStatus.Sent }, ct);
        await store.TryAddAsync(Touchpoint(At(3, 15), id: Id(3)) with { PlannedAt = At(3, 7) }, ct);
        var state = Contact() with
        {
            Version = "v1",
            Planned = [new(Id(1), At(3, 8), At(3, 7)), new(Id(2), At(3, 8), At(3, 7)), new(Id(3), At(3, 15), At(3, 7))],
        };

        var planned = await new PlannedTouches(store).LoadAsync(state, "default", "wechat-main", "o-actor-1", Now, ct);

        // The one sent is the ledger's to count now; the one not due yet is only changed by paths that update the entries.
        Assert.Equal([(Id(3), At(3, 15)), (Id(1), At(4, 8))], planned.Select(p => (p.Id, p.CountsAt)));
        Assert.Equal((2, 0), (store.Reads, store.Queries));
    }

    [Fact]
    public async Task An_entry_whose_touchpoint_is_not_stored_yet_counts_for_an_hour_after_it_was_planned_then_is_dropped()
    {
        var ct = TestContext.Current.CancellationToken;
        var state = Contact() with { Version = "v1", Planned = [new(Id(1), At(3, 8), At(3, 8))] };
        var index = new PlannedTouches(new CountingTouchpoints());

        var soon = await index.LoadAsync(state, "default", "wechat-main", "o-actor-1", At(3, 8, 59), ct);
        var later = await index.LoadAsync(state, "default", "wechat-main", "o-actor-1", At(3, 9, 1), ct);

        Assert.Equal([Id(1)], soon.Select(p => p.Id));
        Assert.Empty(later);
    }

    [Fact]
    public void Adding_keeps_one_entry_per_touchpoint_and_only_planned_capped_ones()
    {
        var planned = new List<PlannedTouch> { new(Id(1), At(3, 15), Now) };

        PlannedTouches.Add(planned, Touchpoint(At(3, 20), id: Id(1)) with { PlannedAt = Now });
        PlannedTouches.Add(planned, Touchpoint(At(3, 16), type: "alert", id: Id(2)) with { PlannedAt = Now });
        PlannedTouches.Add(planned, Touchpoint(At(3, 17), id: Id(3)) with { PlannedAt = Now, Status = TouchpointStatus.Blocked });

        var only = Assert.Single(planned);
        Assert.Equal(At(3, 20), only.CountsAt);
    }

    [Fact]
    public void The_index_keeps_the_hundred_entries_that_count_soonest()
    {
        var planned = new List<PlannedTouch>();
        for (var i = 0; i < 120; i++)
        {
            PlannedTouches.Add(planned, Touchpoint(Now.AddHours(i), id: Id(i)) with { PlannedAt = Now });
        }

        Assert.Equal(PlannedTouches.MaxEntries, planned.Count);
        Assert.Equal((Now, Now.AddHours(99)), (planned.Min(p => p.CountsAt), planned.Max(p => p.CountsAt)));
    }
}
