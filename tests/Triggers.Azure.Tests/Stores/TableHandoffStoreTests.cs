using Triggers.Azure.Stores;
using Triggers.Core.Handoffs;
using Triggers.Testing;

namespace Triggers.Azure.Tests.Stores;

public sealed class TableHandoffStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_hand_off_is_added_once_and_reads_back_with_every_field()
    {
        var store = new TableHandoffStore(await StoreTestData.TablesAsync(azurite));
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;
        var handoff = Open(tenant, "h1", 0.75, 0) with
        {
            Status = HandoffStatus.Closed,
            SuggestedReply = "抱歉，我们马上处理",
            ClaimedBy = "agent-7",
            ClaimedAt = T0.AddMinutes(3),
            ClosedAt = T0.AddMinutes(9),
            Outcome = "refunded",
        };

        Assert.True(await store.AddIfAbsentAsync(handoff, ct));
        Assert.False(await store.AddIfAbsentAsync(handoff with { Urgency = 0.1 }, ct));

        var got = await store.GetAsync(tenant, "h1", ct);
        var listed = Assert.Single(await store.ListAsync(tenant, null, 10, ct));
        Assert.NotNull(got?.Version);
        Assert.Equal(got, listed);
        Assert.Equal(handoff, got with { Version = null });
    }

    [Fact]
    public async Task Hand_offs_list_most_urgent_first_then_longest_waiting_optionally_by_status()
    {
        var store = new TableHandoffStore(await StoreTestData.TablesAsync(azurite));
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;
        foreach (var handoff in new[]
        {
            Open(tenant, "calm-old", 0.2, 0),
            Open(tenant, "angry-new", 0.9, 20),
            Open(tenant, "angry-old", 0.9, 5),
            Open(tenant, "middling", 0.5, 1),
            Open(tenant, "claimed", 1.0, 0) with { Status = HandoffStatus.Claimed },
            Open(azurite.UniqueName("other"), "other-tenant", 1.0, 0),
        })
        {
            await store.AddIfAbsentAsync(handoff, ct);
        }

        var open = await store.ListAsync(tenant, HandoffStatus.Open, 10, ct);
        var all = await store.ListAsync(tenant, null, 3, ct);

        Assert.Equal(["angry-old", "angry-new", "middling", "calm-old"], open.Select(h => h.Id));
        Assert.Equal(["claimed", "angry-old", "angry-new"], all.Select(h => h.Id));
    }

    [Fact]
    public async Task Of_two_people_claiming_the_same_hand_off_exactly_one_gets_it()
    {
        var store = new TableHandoffStore(await StoreTestData.TablesAsync(azurite));
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;
        await store.AddIfAbsentAsync(Open(tenant, "h1", 0.5, 0), ct);
        var read = (await store.GetAsync(tenant, "h1", ct))!;

        var results = await Task.WhenAll(
            store.TryReplaceAsync(read with { Status = HandoffStatus.Claimed, ClaimedBy = "ann", ClaimedAt = T0 }, ct),
            store.TryReplaceAsync(read with { Status = HandoffStatus.Claimed, ClaimedBy = "bob", ClaimedAt = T0 }, ct));

        var winner = Assert.Single(results, r => r is not null)!;
        Assert.Single(results, r => r is null);
        Assert.Equal(winner, await store.GetAsync(tenant, "h1", ct));
        Assert.NotNull(await store.TryReplaceAsync(winner with { Status = HandoffStatus.Closed, ClosedAt = T0.AddMinutes(1) }, ct));
    }

    private static Handoff Open(string tenant, string id, double urgency, int createdMinutes) => new()
    {
        Id = id,
        Tenant = tenant,
        Channel = "demo",
        Contact = "openid-1",
        RuleId = "r-handoff",
        Status = HandoffStatus.Open,
        Urgency = urgency,
        CreatedAt = T0.AddMinutes(createdMinutes),
        Why = "negative comment about delivery",
        ContextJson = """{"signals":[{"text":"还没到","sentiment":"negative"}]}""",
    };
}
