using Triggers.Azure.Stores;
using Azure.Data.Tables;
using Triggers.Core.Analysis;
using Triggers.Core.Emotion;
using Triggers.Core.Signals;
using Triggers.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Triggers.Azure.Tests.Stores;

public sealed class TableEmotionStoreTests(AzuriteFixture azurite)
{
    private const double Tolerance = 1e-9;
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    internal static async Task<TableServiceClient> TablesAsync(AzuriteFixture azurite)
    {
        var tables = azurite.Connection.CreateTableServiceClient();
        foreach (var name in TableNames.Emotion)
        {
            await tables.GetTableClient(name).CreateIfNotExistsAsync(CancellationToken.None);
        }

        return tables;
    }

    internal static Signal Signal(string tenant, string id, DateTimeOffset at, string kind = SignalKinds.Message, string contact = "openid-1", string? room = null) => new()
    {
        Id = id,
        Channel = "live",
        Platform = "bilibili",
        Tenant = tenant,
        Kind = kind,
        Actor = new SignalActor(contact),
        Text = "text",
        OccurredAt = at,
        ReceivedAt = at,
        DedupeKey = id,
        Attributes = room is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["room_id"] = room },
    };

    /// <summary>An analysis whose only mention is <paramref name="topic"/> with the given negative score (the rest neutral).</summary>
    internal static TextAnalysis Negative(string topic, double negative) =>
        new("negative", new SentimentScores(0, 1 - negative, negative), [topic], "test")
        {
            Mentions = [new TopicMention(topic, topic, "clause", "negative", new SentimentScores(0, 1 - negative, negative))],
        };

    [Fact]
    public async Task A_state_saves_only_against_the_version_it_was_read_at()
    {
        var store = new TableEmotionStore(await TablesAsync(azurite), TimeSpan.FromDays(30));
        var key = new EmotionKey(azurite.UniqueName("tn"), "openid-1", "price");
        var ct = TestContext.Current.CancellationToken;
        var first = new EmotionState(0.1, 0, 0.3, -0.3, T0, false, "s1", 1) { RecentSignalIds = ["s1"] };
        var second = new EmotionState(0.2, 0.1, 0.5, -0.5, T0.AddHours(1), true, "s2", 2) { RecentSignalIds = ["s2", "s1"] };

        var inserted = await store.TrySaveAsync(key, first, etag: null, ct);
        var insertedAgain = await store.TrySaveAsync(key, first, etag: null, ct);
        var read = await store.GetAsync(key, ct);
        var updated = await store.TrySaveAsync(key, second, read!.ETag, ct);
        var stale = await store.TrySaveAsync(key, first, read.ETag, ct);
        var final = await store.GetAsync(key, ct);

        Assert.True(inserted);
        Assert.False(insertedAgain);
        Assert.True(updated);
        Assert.False(stale);
        Assert.Equal(second with { RecentSignalIds = final!.State.RecentSignalIds }, final.State);
        Assert.Equal(["s2", "s1"], final.State.RecentSignalIds);
        Assert.Null(await store.GetAsync(key with { Topic = "design" }, ct));
    }

    [Fact]
    public async Task Series_points_read_newest_first_within_the_range_and_a_rewritten_point_is_stored_once()
    {
        var store = new TableEmotionStore(await TablesAsync(azurite), TimeSpan.FromDays(30));
        var key = new EmotionKey(azurite.UniqueName("tn"), "openid-1", "range_anxiety");
        var ct = TestContext.Current.CancellationToken;
        for (var hour = 0; hour < 5; hour++)
        {
            await store.AppendPointAsync(key, new EmotionPoint(T0.AddHours(hour), $"s{hour}", hour / 10.0, 0, 0, 0, hour == 3), ct);
        }

        await store.AppendPointAsync(key, new EmotionPoint(T0.AddHours(2), "s2", 0.2, 0, 0, 0, false), ct);

        var all = await store.ReadSeriesAsync(key, T0, T0.AddHours(4), 100, ct);
        var middle = await store.ReadSeriesAsync(key, T0.AddHours(1), T0.AddHours(3), 100, ct);
        var newestTwo = await store.ReadSeriesAsync(key, T0, T0.AddDays(1), 2, ct);
        var point = await store.GetPointAsync(key, T0.AddHours(3), "s3", ct);

        Assert.Equal(["s4", "s3", "s2", "s1", "s0"], all.Select(p => p.SignalId));
        Assert.Equal(["s3", "s2", "s1"], middle.Select(p => p.SignalId));
        Assert.Equal(["s4", "s3"], newestTwo.Select(p => p.SignalId));
        Assert.Equal(new EmotionPoint(T0.AddHours(3), "s3", 0.3, 0, 0, 0, true), point);
    }

    [Fact]
    public async Task Ids_with_separators_and_forbidden_key_characters_do_not_collide()
    {
        var store = new TableEmotionStore(await TablesAsync(azurite), TimeSpan.FromDays(30));
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;
        var left = new EmotionKey(tenant + "|a", "b", "c/#?");
        var right = new EmotionKey(tenant, "a|b", "c/#?");

        Assert.True(await store.TrySaveAsync(left, new EmotionState(0.1, 0, 0, 0, T0, false, "s1", 1), null, ct));
        Assert.True(await store.TrySaveAsync(right, new EmotionState(0.2, 0, 0, 0, T0, false, "s2", 1), null, ct));

        Assert.Equal("s1", (await store.GetAsync(left, ct))!.State.LastSignalId);
        Assert.Equal("s2", (await store.GetAsync(right, ct))!.State.LastSignalId);
        Assert.Equal("c%2F%23%3F%7C%25", TableEmotionStore.EscapeKey("c/#?|%"));
    }

    [Fact]
    public async Task The_tracker_driven_by_a_fake_clock_finds_the_peak_and_ignores_redelivery()
    {
        var tables = await TablesAsync(azurite);
        var clock = new FakeTimeProvider(T0);
        var options = new EmotionOptions();
        var store = new TableEmotionStore(tables, options.SeriesRetention);
        var tracker = new EmotionTracker(store, new TableRoomStore(tables, options.SeriesRetention), options, clock);
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;

        // Defaults (Alpha 0.3, HalfLife 3 d, threshold 0.6, margin 0.25):
        //   s1 at 0 h, 0.55: prior 0 → below 0.6 → no peak; baseline 0.165
        //   s2 at 0 h, 0.62: prior 0.165 → 0.62 ≥ 0.6 and ≥ 0.415 → peak; baseline 0.165 + 0.3 × 0.455 = 0.3015
        //   s3 at 0 h, 0.62: prior 0.3015 → 0.62 ≥ 0.5515 → peak; baseline 0.3015 + 0.3 × 0.3185 = 0.39705
        //   s4 at 0 h, 0.62: prior 0.39705 → 0.62 < 0.64705 → no peak (margin); baseline 0.39705 + 0.3 × 0.22295 = 0.463935
        //   s5 after 3 d, 0.62: prior 0.463935 / 2 = 0.2319675 → 0.62 ≥ 0.4819675 → peak
        (TimeSpan Gap, string Id, double Intensity)[] series =
            [(TimeSpan.Zero, "s1", 0.55), (TimeSpan.Zero, "s2", 0.62), (TimeSpan.Zero, "s3", 0.62), (TimeSpan.Zero, "s4", 0.62), (TimeSpan.FromDays(3), "s5", 0.62)];
        var peaks = new List<string>();
        var snapshots = new Dictionary<string, TopicEmotion>();
        foreach (var (gap, id, intensity) in series)
        {
            clock.Advance(gap);
            var snapshot = await tracker.ApplyAsync(Signal(tenant, id, clock.GetUtcNow()), Negative("range_anxiety", intensity), ct);
            snapshots[id] = snapshot.Topics["range_anxiety"];
            if (snapshot.Topics["range_anxiety"].Peak)
            {
                peaks.Add(id);
            }
        }

        var redeliveredLast = await tracker.ApplyAsync(Signal(tenant, "s5", T0.AddDays(3)), Negative("range_anxiety", 0.62), ct);
        var redelivered = await tracker.ApplyAsync(Signal(tenant, "s4", T0), Negative("range_anxiety", 0.62), ct);
        var redeliveredOlder = await tracker.ApplyAsync(Signal(tenant, "s2", T0), Negative("range_anxiety", 0.62), ct);

        var key = new EmotionKey(tenant, "openid-1", "range_anxiety");
        var state = (await store.GetAsync(key, ct))!.State;
        Assert.Equal(["s2", "s3", "s5"], peaks);
        Assert.Equal(0.39705, snapshots["s4"].Baseline, Tolerance);
        Assert.Equal(0.2319675, snapshots["s5"].Baseline, Tolerance);
        Assert.Equal(-0.62, snapshots["s5"].Valence, Tolerance);
        Assert.Equal(snapshots["s5"], redeliveredLast.Topics["range_anxiety"]);
        Assert.Equal(snapshots["s4"], redelivered.Topics["range_anxiety"]);
        Assert.Equal(snapshots["s2"], redeliveredOlder.Topics["range_anxiety"]);
        Assert.Equal(5, state.Count);
        Assert.Equal(5, (await store.ReadSeriesAsync(key, T0, T0.AddDays(4), 100, ct)).Count);
    }

    [Fact]
    public async Task A_signal_from_a_platform_clock_ahead_of_ours_is_placed_at_our_now()
    {
        var tables = await TablesAsync(azurite);
        var clock = new FakeTimeProvider(T0);
        var options = new EmotionOptions();
        var store = new TableEmotionStore(tables, options.SeriesRetention);
        var tracker = new EmotionTracker(store, new TableRoomStore(tables, options.SeriesRetention), options, clock);
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;

        await tracker.ApplyAsync(Signal(tenant, "future", T0.AddDays(2)), Negative("price", 0.8), ct);
        clock.Advance(TimeSpan.FromDays(3));
        var next = await tracker.ApplyAsync(Signal(tenant, "later", clock.GetUtcNow()), Negative("price", 0.1), ct);

        // Baseline after the first signal 0.3 × 0.8 = 0.24, stamped at T0 (our now), so 3 days (one half-life) later: 0.12.
        // Had it been stamped at T0 + 2 d, only 1 day of decay would apply (0.24 × 0.5^(1/3) ≈ 0.1905).
        Assert.Equal(0.12, next.Topics["price"].Baseline, Tolerance);
    }

    [Fact]
    public async Task Concurrent_signals_for_one_contact_and_topic_are_all_counted()
    {
        var tables = await TablesAsync(azurite);
        var options = new EmotionOptions();
        var store = new TableEmotionStore(tables, options.SeriesRetention);
        var tracker = new EmotionTracker(store, new TableRoomStore(tables, options.SeriesRetention), options, new FakeTimeProvider(T0.AddDays(1)));
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            tracker.ApplyAsync(Signal(tenant, $"c{i}", T0.AddMinutes(i)), Negative("service", 0.5), ct)));

        var state = (await store.GetAsync(new EmotionKey(tenant, "openid-1", "service"), ct))!.State;
        Assert.Equal(8, state.Count);
        Assert.Equal(8, state.RecentSignalIds.Distinct().Count());
    }

    [Fact]
    public async Task Our_own_agent_messages_do_not_move_the_contacts_emotion()
    {
        var tables = await TablesAsync(azurite);
        var options = new EmotionOptions();
        var store = new TableEmotionStore(tables, options.SeriesRetention);
        var tracker = new EmotionTracker(store, new TableRoomStore(tables, options.SeriesRetention), options, new FakeTimeProvider(T0));
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;

        var snapshot = await tracker.ApplyAsync(Signal(tenant, "a1", T0, SignalKinds.AgentMessage), Negative("price", 0.9), ct);

        Assert.Empty(snapshot.Topics);
        Assert.Null(await store.GetAsync(new EmotionKey(tenant, "openid-1", "price"), ct));
    }

}
