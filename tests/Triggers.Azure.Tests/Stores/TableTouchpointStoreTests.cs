using Triggers.Azure.Stores;
using Triggers.Core.Touchpoints;
using Triggers.Testing;

namespace Triggers.Azure.Tests.Stores;

public sealed class TableTouchpointStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Adding_the_same_touchpoint_twice_records_it_once()
    {
        var store = new TableTouchpointStore(await StoreTestData.TablesAsync(azurite));
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;

        var first = await store.TryAddAsync(StoreTestData.Touchpoint(tenant, "tp1", TouchpointStatus.Planned, T0.AddMinutes(5)), ct);
        var second = await store.TryAddAsync(StoreTestData.Touchpoint(tenant, "tp1", TouchpointStatus.Planned, T0.AddMinutes(9)), ct);

        Assert.NotNull(first?.Version);
        Assert.Null(second);
        var stored = Assert.Single(await store.ListAsync(tenant, null, 10, ct));
        Assert.NotNull(stored.Version);
        Assert.Equal(StoreTestData.Touchpoint(tenant, "tp1", TouchpointStatus.Planned, T0.AddMinutes(5)), stored with { Version = null });
    }

    [Fact]
    public async Task A_tenant_with_more_touchpoints_than_one_page_lists_them_all_through_the_continuation()
    {
        var tables = await StoreTestData.TablesAsync(azurite);
        var store = new TableTouchpointStore(tables);
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;
        const int Count = 1_050; // a query page holds at most 1,000 entities
        var table = tables.GetTableClient(TableNames.Touchpoints);
        foreach (var chunk in Enumerable.Range(0, Count).Chunk(100))
        {
            await table.SubmitTransactionAsync(
                chunk.Select(i => new global::Azure.Data.Tables.TableTransactionAction(
                    global::Azure.Data.Tables.TableTransactionActionType.Add,
                    TouchpointEntities.ToEntity(StoreTestData.Touchpoint(tenant, $"tp{i:D4}", TouchpointStatus.Planned, T0.AddSeconds(i))))),
                ct);
        }

        var listed = await store.ListAsync(tenant, TouchpointStatus.Planned, 5_000, ct);

        Assert.Equal(Count, listed.Count);
        Assert.Equal(Enumerable.Range(0, Count).Select(i => $"tp{i:D4}"), listed.Select(t => t.Id));
    }

    [Fact]
    public async Task Touchpoints_list_by_status_in_due_order()
    {
        var store = new TableTouchpointStore(await StoreTestData.TablesAsync(azurite));
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;
        await store.TryAddAsync(StoreTestData.Touchpoint(tenant, "late", TouchpointStatus.Planned, T0.AddMinutes(30)), ct);
        await store.TryAddAsync(StoreTestData.Touchpoint(tenant, "early", TouchpointStatus.Planned, T0.AddMinutes(10)), ct);
        await store.TryAddAsync(StoreTestData.Touchpoint(tenant, "done", TouchpointStatus.Sent, T0.AddMinutes(1)), ct);

        var planned = await store.ListAsync(tenant, TouchpointStatus.Planned, 10, ct);

        Assert.Equal(["early", "late"], planned.Select(t => t.Id));
    }

    [Fact]
    public async Task Every_field_reads_back_from_get_and_list_with_the_etag_as_version()
    {
        var store = new TableTouchpointStore(await StoreTestData.TablesAsync(azurite));
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;
        var original = Full(tenant);

        await store.TryAddAsync(original, ct);
        var got = await store.GetAsync(tenant, original.Id, ct);
        var listed = Assert.Single(await store.ListAsync(tenant, null, 10, ct));

        foreach (var read in new[] { got, listed })
        {
            Assert.NotNull(read);
            Assert.False(string.IsNullOrEmpty(read.Version));
            Assert.Equivalent(original.WhyFacts, read.WhyFacts, strict: true);
            Assert.Equal(original, read with { Version = null, WhyFacts = original.WhyFacts });
        }

        Assert.Equal(got!.Version, listed.Version);
    }

    [Fact]
    public async Task A_replace_returns_the_new_version_and_a_replace_from_the_old_version_is_refused()
    {
        var store = new TableTouchpointStore(await StoreTestData.TablesAsync(azurite));
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;
        await store.TryAddAsync(StoreTestData.Touchpoint(tenant, "tp", TouchpointStatus.Planned, T0), ct);
        var read = (await store.GetAsync(tenant, "tp", ct))!;

        var claimed = await store.TryReplaceAsync(read with { Status = TouchpointStatus.Sending, LeaseUntil = T0.AddMinutes(2) }, ct);
        var stale = await store.TryReplaceAsync(read with { Status = TouchpointStatus.Cancelled }, ct);
        var sent = await store.TryReplaceAsync(claimed! with { Status = TouchpointStatus.Sent, SentAt = T0.AddMinutes(1) }, ct);

        Assert.NotNull(claimed);
        Assert.NotEqual(read.Version, claimed.Version);
        Assert.Null(stale);
        Assert.NotNull(sent);
        var stored = (await store.GetAsync(tenant, "tp", ct))!;
        Assert.Equal(sent, stored);
        Assert.Equal(T0.AddMinutes(1), stored.SentAt);
    }

    [Fact]
    public async Task Of_two_concurrent_replaces_from_the_same_read_exactly_one_wins()
    {
        var store = new TableTouchpointStore(await StoreTestData.TablesAsync(azurite));
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;
        await store.TryAddAsync(StoreTestData.Touchpoint(tenant, "tp", TouchpointStatus.Planned, T0), ct);
        var read = (await store.GetAsync(tenant, "tp", ct))!;

        var results = await Task.WhenAll(
            store.TryReplaceAsync(read with { Status = TouchpointStatus.Sending, StatusReason = "dispatcher a" }, ct),
            store.TryReplaceAsync(read with { Status = TouchpointStatus.Sending, StatusReason = "dispatcher b" }, ct));

        var winner = Assert.Single(results, r => r is not null);
        Assert.Single(results, r => r is null);
        Assert.Equal(winner, await store.GetAsync(tenant, "tp", ct));
    }

    [Fact]
    public async Task Replacing_a_touchpoint_that_was_never_read_is_a_programming_error()
    {
        var store = new TableTouchpointStore(await StoreTestData.TablesAsync(azurite));
        var touchpoint = StoreTestData.Touchpoint(azurite.UniqueName("tn"), "tp", TouchpointStatus.Planned, T0);

        await Assert.ThrowsAsync<ArgumentException>(() => store.TryReplaceAsync(touchpoint, TestContext.Current.CancellationToken));
    }

    private static Touchpoint Full(string tenant) => StoreTestData.Touchpoint(tenant, "full", TouchpointStatus.Sending, T0) with
    {
        Template = "welcome",
        Text = "您好 O'Brien",
        Platform = "wechat",
        WhyFacts = new TouchpointWhy
        {
            RuleId = "r1",
            RuleVersion = "v1",
            SignalKind = "comment",
            Sentiment = "negative",
            NegativeScore = 0.82,
            Topics = ["delivery", "refund"],
            Peaks = ["delivery"],
        },
        WakeAt = T0.AddMinutes(3).AddTicks(1234567),
        Attempts = 2,
        LeaseUntil = T0.AddMinutes(4),
        Guardrail = GuardrailNames.QuietHours,
        StatusReason = "deferred to 08:00",
        SentAt = T0.AddMinutes(5),
        ProviderMessageId = "msg-1",
    };
}
