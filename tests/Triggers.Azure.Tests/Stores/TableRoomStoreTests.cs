using Triggers.Azure.Stores;
using Triggers.Core.Analysis;
using Triggers.Core.Emotion;
using Triggers.Core.Signals;
using Triggers.Testing;

namespace Triggers.Azure.Tests.Stores;

public sealed class TableRoomStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Minute = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    private static RoomContribution[] PriceComplaint(double negative) =>
        [new("price", "negative", 0.1, negative), new(RoomAggregate.All, "negative", 0.1, negative)];

    [Fact]
    public async Task Adding_the_same_signal_twice_counts_it_once()
    {
        var store = new TableRoomStore(await TableEmotionStoreTests.TablesAsync(azurite), TimeSpan.FromDays(30));
        var room = new RoomKey(azurite.UniqueName("tn"), "live", "4412");
        var ct = TestContext.Current.CancellationToken;

        var first = await store.AddAsync(room, Minute, "d1", PriceComplaint(0.8), ct);
        var again = await store.AddAsync(room, Minute, "d1", PriceComplaint(0.8), ct);
        await store.AddAsync(room, Minute, "d2", [new("design", "positive", 0.9, 0.05), new(RoomAggregate.All, "positive", 0.9, 0.05)], ct);
        var read = await store.ReadAsync(room, Minute, ct);

        Assert.Equal(new RoomAggregate("price", 1, 0, 1, 0, 0.1, 0.8), first.Topics["price"]);
        Assert.Equal(first.Topics, again.Topics);
        Assert.Equal(["all", "design", "price"], read.Topics.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new RoomAggregate("price", 1, 0, 1, 0, 0.1, 0.8), read.Topics["price"]);
        Assert.Equal(2, read.Topics["all"].Count);
        Assert.Equal(1, read.Topics["all"].Positive);
        Assert.Equal(1, read.Topics["all"].Negative);
        Assert.Equal(0.85, read.Topics["all"].NegativeSum, 1e-12);
    }

    [Fact]
    public async Task Windows_and_rooms_are_kept_apart()
    {
        var store = new TableRoomStore(await TableEmotionStoreTests.TablesAsync(azurite), TimeSpan.FromDays(30));
        var tenant = azurite.UniqueName("tn");
        var room = new RoomKey(tenant, "live", "4412");
        var ct = TestContext.Current.CancellationToken;

        await store.AddAsync(room, Minute, "d1", PriceComplaint(0.8), ct);
        await store.AddAsync(room, Minute.AddMinutes(1), "d2", PriceComplaint(0.6), ct);
        await store.AddAsync(room, Minute.AddMinutes(1), "d3", PriceComplaint(0.7), ct);
        await store.AddAsync(room with { RoomId = "9000" }, Minute, "d4", PriceComplaint(0.9), ct);

        Assert.Equal(1, (await store.ReadAsync(room, Minute, ct)).Topics["price"].Count);
        Assert.Equal(2, (await store.ReadAsync(room, Minute.AddMinutes(1), ct)).Topics["price"].Count);
        Assert.Equal(1.3, (await store.ReadAsync(room, Minute.AddMinutes(1), ct)).Topics["price"].NegativeSum, 1e-12);
        Assert.Equal(1, (await store.ReadAsync(room with { RoomId = "9000" }, Minute, ct)).Topics["all"].Count);
        Assert.Empty((await store.ReadAsync(room, Minute.AddMinutes(2), ct)).Topics);
    }

    [Fact]
    public async Task Concurrent_danmaku_in_one_minute_are_all_counted()
    {
        var store = new TableRoomStore(await TableEmotionStoreTests.TablesAsync(azurite), TimeSpan.FromDays(30));
        var room = new RoomKey(azurite.UniqueName("tn"), "live", "4412");
        var ct = TestContext.Current.CancellationToken;

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => store.AddAsync(room, Minute, $"d{i}", PriceComplaint(0.5), ct)));
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => store.AddAsync(room, Minute, $"d{i}", PriceComplaint(0.5), ct)));

        var read = await store.ReadAsync(room, Minute, ct);
        Assert.Equal(10, read.Topics["price"].Count);
        Assert.Equal(10, read.Topics["all"].Negative);
        Assert.Equal(5.0, read.Topics["all"].NegativeSum, 1e-9);
    }

    [Fact]
    public async Task The_tracker_adds_danmaku_to_the_minute_of_their_own_time_once_each()
    {
        var tables = await TableEmotionStoreTests.TablesAsync(azurite);
        var options = new EmotionOptions();
        var rooms = new TableRoomStore(tables, options.SeriesRetention);
        var tracker = new EmotionTracker(new TableEmotionStore(tables, options.SeriesRetention), rooms, options, TimeProvider.System);
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;
        Signal Danmaku(string id, int second, string contact) =>
            TableEmotionStoreTests.Signal(tenant, id, Minute.AddSeconds(second), SignalKinds.Danmaku, contact, room: "4412");
        var price = TableEmotionStoreTests.Negative("price", 0.8);

        var a = await tracker.ApplyAsync(Danmaku("d1", 10, "u1"), price, ct);
        var b = await tracker.ApplyAsync(Danmaku("d2", 59, "u2"), price, ct);
        var redelivered = await tracker.ApplyAsync(Danmaku("d1", 10, "u1"), price, ct);
        var nextMinute = await tracker.ApplyAsync(Danmaku("d3", 60, "u3"), new TextAnalysis("neutral", new SentimentScores(0.1, 0.8, 0.1), [], "test"), ct);
        var roomless = await tracker.ApplyAsync(TableEmotionStoreTests.Signal(tenant, "d4", Minute, SignalKinds.Danmaku, "u4"), price, ct);

        Assert.Equal(1, a.Room!.Topics["price"].Count);
        Assert.Equal(2, b.Room!.Topics["price"].Count);
        Assert.Equal(2, redelivered.Room!.Topics["price"].Count);
        Assert.Equal(2, redelivered.Room.Topics["all"].Count);
        Assert.Equal(Minute.AddMinutes(1), nextMinute.Room!.WindowStart);
        Assert.Equal(["all"], nextMinute.Room.Topics.Keys);
        Assert.Equal(1, nextMinute.Room.Topics["all"].Neutral);
        Assert.Null(roomless.Room);
        Assert.True(roomless.Topics["price"].Peak);
    }
}
