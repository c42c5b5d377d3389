using Triggers.Azure.Stores;
using Azure.Data.Tables;
using Triggers.Core.Touchpoints;
using Triggers.Testing;

namespace Triggers.Azure.Tests.Stores;

/// <summary>The dispatcher's queries: what is due now, and what is still pending for one contact.</summary>
public sealed class TableTouchpointDueTests(AzuriteFixture azurite)
{
    // Sub-millisecond on purpose: Azure compares datetimes to the tick, so one due at exactly "now" is found only if the
    // filter's literal carries all seven decimals (Azurite compares more loosely and cannot catch that on its own).
    private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero).AddTicks(4321);

    [Fact]
    public async Task Due_lists_planned_ones_whose_next_look_has_come_and_sending_ones_whose_lease_expired_oldest_first()
    {
        var store = new TableTouchpointStore(await StoreTestData.TablesAsync(azurite));
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;
        foreach (var touchpoint in new[]
        {
            Planned(tenant, "due", -10),
            Planned(tenant, "exactly-now", 0),
            Planned(tenant, "woken", -60) with { WakeAt = Now.AddMinutes(-5) },
            Planned(tenant, "backing-off", -30) with { WakeAt = Now.AddMinutes(5), Attempts = 1 },
            Planned(tenant, "future", 10),
            Planned(tenant, "stale-lease", -20) with { Status = TouchpointStatus.Sending, LeaseUntil = Now.AddMinutes(-1) },
            Planned(tenant, "no-lease", -15) with { Status = TouchpointStatus.Sending },
            Planned(tenant, "live-lease", -25) with { Status = TouchpointStatus.Sending, LeaseUntil = Now.AddMinutes(1) },
            Planned(tenant, "sent", -100) with { Status = TouchpointStatus.Sent },
            Planned(tenant, "blocked", -100) with { Status = TouchpointStatus.Blocked },
            Planned(tenant, "cancelled", -100) with { Status = TouchpointStatus.Cancelled },
            Planned(azurite.UniqueName("other"), "other-tenant", -100),
        })
        {
            await store.TryAddAsync(touchpoint, ct);
        }

        var due = await store.ListDueAsync(tenant, Now, 100, ct);
        var firstTwo = await store.ListDueAsync(tenant, Now, 2, ct);

        Assert.Equal(["stale-lease", "no-lease", "due", "woken", "exactly-now"], due.Select(t => t.Id));
        Assert.All(due, t => Assert.NotNull(t.Version));
        Assert.Equal(["stale-lease", "no-lease"], firstTwo.Select(t => t.Id));
    }

    [Fact]
    public async Task A_row_written_before_wake_times_existed_is_due_at_its_due_time()
    {
        var tables = await StoreTestData.TablesAsync(azurite);
        var store = new TableTouchpointStore(tables);
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;
        await tables.GetTableClient(TableNames.Touchpoints).AddEntityAsync(
            new TableEntity(tenant, "legacy") { ["Status"] = TouchpointStatus.Planned, ["DueAt"] = Now.AddMinutes(-1), ["Channel"] = "demo" },
            ct);

        var legacy = Assert.Single(await store.ListDueAsync(tenant, Now, 10, ct));

        Assert.Null(legacy.WakeAt);
        Assert.Equal(0, legacy.Attempts);
        Assert.Equal(Now.AddMinutes(-1), legacy.NextLookAt);
        Assert.Empty(await store.ListDueAsync(tenant, Now.AddMinutes(-2), 10, ct));
    }

    [Fact]
    public async Task Pending_for_a_contact_lists_only_its_planned_touchpoints_on_that_channel()
    {
        var store = new TableTouchpointStore(await StoreTestData.TablesAsync(azurite));
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;
        const string contact = "o'brien/1";
        foreach (var touchpoint in new[]
        {
            Planned(tenant, "later", 60) with { Contact = contact },
            Planned(tenant, "sooner", 30) with { Contact = contact },
            Planned(tenant, "other-channel", 30) with { Contact = contact, Channel = "shop" },
            Planned(tenant, "other-contact", 30),
            Planned(tenant, "already-sent", -30) with { Contact = contact, Status = TouchpointStatus.Sent },
        })
        {
            await store.TryAddAsync(touchpoint, ct);
        }

        var pending = await store.ListPendingForContactAsync(tenant, "demo", contact, ct);

        Assert.Equal(["sooner", "later"], pending.Select(t => t.Id));
        Assert.All(pending, t => Assert.NotNull(t.Version));
    }

    [Fact]
    public void The_due_filter_writes_now_to_the_tick_in_utc()
    {
        // The stores build filters with the SDK's CreateQueryFilter; milliseconds alone would drop a touchpoint due within the same millisecond.
        var local = new DateTimeOffset(2026, 11, 22, 16, 0, 0, TimeSpan.FromHours(8)).AddTicks(4321);

        Assert.Equal("DueAt le datetime'2026-11-22T08:00:00.0004321Z'", global::Azure.Data.Tables.TableClient.CreateQueryFilter($"DueAt le {local}"));
    }

    private static Touchpoint Planned(string tenant, string id, int dueMinutes) =>
        StoreTestData.Touchpoint(tenant, id, TouchpointStatus.Planned, Now.AddMinutes(dueMinutes));
}
