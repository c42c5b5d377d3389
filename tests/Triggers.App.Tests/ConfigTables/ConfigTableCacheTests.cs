using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Triggers.Core.StaffTables;
using Triggers.Hosting.Portfolio;
using Triggers.Hosting.Processing;

namespace Triggers.App.Tests.ConfigTables;

public sealed class ConfigTableCacheTests
{
    /// <summary>Table Portfolio as a slow read sees it: the rows as they were when the read began, answered when the test says.</summary>
    private sealed class SlowTable : IStaffRowSource
    {
        public List<StaffRow> Rows { get; } = [];

        public TaskCompletionSource? Hold { get; set; }

        public async Task<IReadOnlyList<StaffRow>> LoadAsync(CancellationToken cancellationToken)
        {
            IReadOnlyList<StaffRow> seen = [.. Rows];
            if (Hold is { } hold)
            {
                await hold.Task;
            }

            return seen;
        }
    }

    [Fact]
    public async Task A_row_written_while_a_slow_read_was_in_flight_is_read_at_the_next_refresh_not_an_interval_after_the_read_ended()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        var table = new SlowTable { Hold = new TaskCompletionSource() };
        var cache = new PortfolioCache(table, Options.Create(new ProcessingOptions { RulesRefreshInterval = TimeSpan.FromSeconds(1) }), clock, NullLogger<PortfolioCache>.Instance);

        var slow = cache.ForAsync("brand", TestContext.Current.CancellationToken).AsTask();
        clock.Advance(TimeSpan.FromMilliseconds(800));
        table.Rows.Add(new StaffRow("brand", "thresholds", new Dictionary<string, object?> { ["Concentration"] = 0.3 }));
        table.Hold.SetResult();
        table.Hold = null;
        var before = await slow;
        clock.Advance(TimeSpan.FromMilliseconds(300));
        var after = await cache.ForAsync("brand", TestContext.Current.CancellationToken);

        Assert.Equal((0.40, 0.3), (before.Settings.ConcentrationLine, after.Settings.ConcentrationLine));
    }
}
