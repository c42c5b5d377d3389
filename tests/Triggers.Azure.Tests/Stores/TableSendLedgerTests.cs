using Triggers.Core.Contacts;
using Triggers.Azure.Stores;
using Triggers.Testing;

namespace Triggers.Azure.Tests.Stores;

public sealed class TableSendLedgerTests(AzuriteFixture azurite)
{
    private static readonly DateOnly Day = new(2026, 11, 22);

    [Fact]
    public async Task The_purge_removes_touches_older_than_any_cap_counts_and_keeps_the_last_week()
    {
        var ledger = new TableSendLedger(await StoreTestData.TablesAsync(azurite));
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;
        await ledger.RecordAsync(tenant, "demo", "c1", Day.AddDays(-10), "ten-days-ago", automated: true, ct);
        await ledger.RecordAsync(tenant, "demo", "c1", Day.AddDays(-8), "eight-days-ago", automated: true, ct);
        await ledger.RecordAsync(tenant, "demo", "c1", Day, "today", automated: false, ct);

        await ledger.PurgeExpiredAsync(new DateTimeOffset(Day, new TimeOnly(12, 0), TimeSpan.Zero), ct);

        Assert.Equal((0, 0), await CountAsync(ledger, tenant, "demo", "c1", Day.AddDays(-10), Day.AddDays(-10), ct));
        Assert.Equal((2, 1), await CountAsync(ledger, tenant, "demo", "c1", Day.AddDays(-9), Day, ct));
    }

    [Fact]
    public async Task Recording_the_same_touch_twice_counts_it_once_and_keeps_the_first_record()
    {
        var ledger = new TableSendLedger(await StoreTestData.TablesAsync(azurite));
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;

        await ledger.RecordAsync(tenant, "demo", "c1", Day, "tp1", automated: true, ct);
        await ledger.RecordAsync(tenant, "demo", "c1", Day, "tp1", automated: false, ct);

        Assert.Equal((1, 1), await CountAsync(ledger, tenant, "demo", "c1", Day, Day, ct));
    }

    [Fact]
    public async Task One_read_tallies_the_day_and_its_week_each_with_the_automated_share()
    {
        var ledger = new TableSendLedger(await StoreTestData.TablesAsync(azurite));
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;
        const string contact = "wm/1|x#?%";
        foreach (var (offset, id, automated) in new[]
        {
            (-8, "last-week", true),
            (-2, "monday", true),
            (0, "auto", true),
            (0, "agent", false),
            (3, "sunday", true),
            (4, "next-week", true),
        })
        {
            await ledger.RecordAsync(tenant, "demo", contact, Day.AddDays(offset), id, automated, ct);
        }

        await ledger.RecordAsync(tenant, "demo", "someone-else", Day, "other", true, ct);

        var tally = await ledger.TallyAsync(tenant, "demo", contact, Day, Day.AddDays(-2), Day.AddDays(3), ct);

        Assert.Equal(new LedgerTally(DayTotal: 2, DayAutomated: 1, WeekTotal: 4, WeekAutomated: 3), tally);
    }

    [Fact]
    public async Task Counts_cover_whole_days_from_first_to_last_inclusive_with_the_automated_share()
    {
        var ledger = new TableSendLedger(await StoreTestData.TablesAsync(azurite));
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;
        const string contact = "wm/1|x#?%";
        foreach (var (offset, id, automated) in new[]
        {
            (-2, "before", true),
            (-1, "first-day", true),
            (0, "auto", true),
            (0, "agent", false),
            (0, "zzz", true),
            (1, "after", true),
        })
        {
            await ledger.RecordAsync(tenant, "demo", contact, Day.AddDays(offset), id, automated, ct);
        }

        await ledger.RecordAsync(tenant, "demo", "someone-else", Day, "other", true, ct);
        await ledger.RecordAsync(tenant, "shop", contact, Day, "other-channel", true, ct);

        Assert.Equal((3, 2), await CountAsync(ledger, tenant, "demo", contact, Day, Day, ct));
        Assert.Equal((4, 3), await CountAsync(ledger, tenant, "demo", contact, Day.AddDays(-1), Day, ct));
        Assert.Equal((6, 5), await CountAsync(ledger, tenant, "demo", contact, Day.AddDays(-6), Day.AddDays(1), ct));
        Assert.Equal((0, 0), await CountAsync(ledger, tenant, "demo", contact, Day.AddDays(2), Day.AddDays(8), ct));
    }

    [Fact]
    public async Task A_removed_touch_no_longer_counts_and_removing_again_or_never_recorded_is_fine()
    {
        var ledger = new TableSendLedger(await StoreTestData.TablesAsync(azurite));
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;
        await ledger.RecordAsync(tenant, "demo", "c1", Day, "tp1", true, ct);
        await ledger.RecordAsync(tenant, "demo", "c1", Day, "tp2", false, ct);

        await ledger.RemoveAsync(tenant, "demo", "c1", Day, "tp1", ct);
        await ledger.RemoveAsync(tenant, "demo", "c1", Day, "tp1", ct);
        await ledger.RemoveAsync(tenant, "demo", "c1", Day, "never", ct);

        Assert.Equal((1, 0), await CountAsync(ledger, tenant, "demo", "c1", Day, Day, ct));
    }

    /// <summary>The touches from <paramref name="from"/> to <paramref name="to"/>: the week part of a tally over that range.</summary>
    private static async Task<(int Total, int Automated)> CountAsync(
        TableSendLedger ledger, string tenant, string channel, string contact, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var tally = await ledger.TallyAsync(tenant, channel, contact, from, from, to, ct);
        return (tally.WeekTotal, tally.WeekAutomated);
    }
}
