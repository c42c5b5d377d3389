using Triggers.Azure.Stores;
using Triggers.Core.Analysis;
using Triggers.Core.Processing;
using Triggers.Core.Signals;
using Triggers.Testing;

namespace Triggers.Azure.Tests.Stores;

public sealed class TableProcessedSignalStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_saved_signal_reads_back_with_every_field_and_its_analysis()
    {
        var store = new TableProcessedSignalStore(await StoreTestData.TablesAsync(azurite));
        var channel = azurite.UniqueName("ch");
        var signal = StoreTestData.Signal(channel, "m1", T0, "续航太差了");
        var analysis = new TextAnalysis("negative", new SentimentScores(0.1, 0.2, 0.7), ["range_anxiety"], "placeholder");

        await store.SaveAsync(new ProcessedSignal(signal, analysis, T0.AddSeconds(3)), TestContext.Current.CancellationToken);
        var read = Assert.Single(await store.ListAsync(channel, 10, TestContext.Current.CancellationToken));

        Assert.Equal(signal.Id, read.Signal.Id);
        Assert.Equal(signal.Kind, read.Signal.Kind);
        Assert.Equal(signal.Actor, read.Signal.Actor);
        Assert.Equal("续航太差了", read.Signal.Text);
        Assert.Equal(T0, read.Signal.OccurredAt);
        Assert.Equal(signal.Raw, read.Signal.Raw);
        Assert.Equal("gh_1", read.Signal.Attributes["ToUserName"]);
        Assert.Equal(T0.AddSeconds(3), read.ProcessedAt);
        Assert.Equal("negative", read.Analysis.Label);
        Assert.Equal(0.7, read.Analysis.Scores.Negative);
        Assert.Equal(["range_anxiety"], read.Analysis.Topics);
    }

    [Fact]
    public async Task A_decided_signal_is_found_by_its_identity_with_its_touchpoints_and_topic_mentions_and_an_unknown_one_is_not()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new TableProcessedSignalStore(await StoreTestData.TablesAsync(azurite));
        var channel = azurite.UniqueName("ch");
        var signal = StoreTestData.Signal(channel, "m1", T0, "续航太差了");
        var mention = new TopicMention("range_anxiety", "续航", "续航太差了", "negative", new SentimentScores(0.1, 0.2, 0.7));
        var analysis = new TextAnalysis("negative", new SentimentScores(0.1, 0.2, 0.7), ["range_anxiety"], "placeholder") { Mentions = [mention] };

        await store.SaveAsync(new ProcessedSignal(signal, analysis, T0) { Decided = true, TouchpointIds = ["tp-a", "tp-b"] }, ct);
        var found = await store.GetAsync(signal, ct);
        var unknown = await store.GetAsync(StoreTestData.Signal(channel, "m2", T0, "另一条"), ct);

        Assert.NotNull(found);
        Assert.True(found.Decided);
        Assert.Equal(["tp-a", "tp-b"], found.TouchpointIds);
        Assert.Equal([mention], found.Analysis.Mentions);
        Assert.Null(unknown);
    }

    [Fact]
    public async Task Signals_list_newest_first_and_saving_one_twice_keeps_one()
    {
        var store = new TableProcessedSignalStore(await StoreTestData.TablesAsync(azurite));
        var channel = azurite.UniqueName("ch");
        var neutral = TextAnalysis.Neutral("test");
        var ct = TestContext.Current.CancellationToken;
        foreach (var (key, minutes) in new[] { ("a", 1), ("b", 3), ("c", 2) })
        {
            await store.SaveAsync(new ProcessedSignal(StoreTestData.Signal(channel, key, T0.AddMinutes(minutes)), neutral, T0), ct);
        }

        await store.SaveAsync(new ProcessedSignal(StoreTestData.Signal(channel, "b", T0.AddMinutes(3)), neutral, T0), ct);
        var listed = await store.ListAsync(channel, 10, ct);
        var limited = await store.ListAsync(channel, 2, ct);

        Assert.Equal(["b", "c", "a"], listed.Select(s => s.Signal.DedupeKey));
        Assert.Equal(["b", "c"], limited.Select(s => s.Signal.DedupeKey));
    }

    [Fact]
    public async Task A_contacts_signals_list_newest_first_without_other_contacts_signals()
    {
        var store = new TableProcessedSignalStore(await StoreTestData.TablesAsync(azurite));
        var channel = azurite.UniqueName("ch");
        var neutral = TextAnalysis.Neutral("test");
        var ct = TestContext.Current.CancellationToken;
        foreach (var (key, actor, minutes) in new[] { ("a", "ann", 1), ("b", "bob", 2), ("c", "ann", 3), ("d", "bob", 4), ("e", "ann", 5) })
        {
            var signal = StoreTestData.Signal(channel, key, T0.AddMinutes(minutes)) with { Actor = new SignalActor(actor, null) };
            await store.SaveAsync(new ProcessedSignal(signal, neutral, T0), ct);
        }

        var ann = await store.ListForContactAsync(channel, "ann", 10, ct);
        var annLatest = await store.ListForContactAsync(channel, "ann", 2, ct);
        var nobody = await store.ListForContactAsync(channel, "carol", 10, ct);

        Assert.Equal(["e", "c", "a"], ann.Select(s => s.Signal.DedupeKey));
        Assert.Equal(["e", "c"], annLatest.Select(s => s.Signal.DedupeKey));
        Assert.Empty(nobody);
    }
}
