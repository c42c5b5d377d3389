using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Triggers.Hosting.Processing;
using Triggers.Hosting.Topics;
using Triggers.Azure.Storage;
using Triggers.Azure.Stores;
using Azure.Data.Tables;
using Triggers.Core.Topics;
using Triggers.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Triggers.App.Tests.Topics;

public sealed partial class TopicCacheTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private readonly string _tenant = azurite.UniqueName("tn");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));
    private readonly ListLogger<TopicCache> _log = new();
    private TableClient _topics = null!;

    public async ValueTask InitializeAsync()
    {
        _topics = azurite.Connection.CreateTableServiceClient().GetTableClient(TableNames.Topics);
        await _topics.CreateIfNotExistsAsync(TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private TopicCache Cache(ITopicSource? source = null) => new(
        source ?? new TableTopicSource(azurite.Connection.CreateTableServiceClient()),
        Options.Create(new ProcessingOptions { RulesRefreshInterval = Interval }),
        _clock,
        _log);

    private static string[] Topics(TopicLexicon lexicon, string text) => lexicon.Find(text).Select(h => h.Topic).ToArray();

    private Task PutAsync(string topic, string keywords, bool enabled = true) =>
        _topics.UpsertEntityAsync(new TableEntity(_tenant, topic) { ["Keywords"] = keywords, ["Enabled"] = enabled }, TableUpdateMode.Replace, TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_tenant_without_rows_gets_the_default_topics()
    {
        var lexicon = await Cache().ForAsync(_tenant, TestContext.Current.CancellationToken);

        Assert.Equal(
            ["range_anxiety", "charging", "price", "quality", "service", "delivery", "design", "after_sales"],
            lexicon.Topics.Select(t => t.Name));
        Assert.Equal(["range_anxiety", "design"], Topics(lexicon, "续航太差了但是颜值很高"));
    }

    [Fact]
    public async Task A_tenants_rows_replace_the_defaults_and_an_edit_applies_once_the_refresh_interval_has_passed()
    {
        var ct = TestContext.Current.CancellationToken;
        await PutAsync("range", "续航");
        var cache = Cache();

        Assert.Equal(["range"], Topics(await cache.ForAsync(_tenant, ct), "续航太差，价格太贵"));

        await PutAsync("range", "续航,价格");
        _clock.Advance(Interval - TimeSpan.FromSeconds(1));
        Assert.Equal(["range"], Topics(await cache.ForAsync(_tenant, ct), "续航太差，价格太贵"));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(["range", "range"], Topics(await cache.ForAsync(_tenant, ct), "续航太差，价格太贵"));
        Assert.Equal(["range", "range"], Topics(cache.For(_tenant), "续航太差，价格太贵"));
    }

    [Fact]
    public async Task A_tenant_whose_rows_are_all_disabled_has_no_topics_rather_than_the_defaults()
    {
        await PutAsync("price", "价格", enabled: false);

        var lexicon = await Cache().ForAsync(_tenant, TestContext.Current.CancellationToken);

        Assert.Empty(lexicon.Topics);
        Assert.Empty(lexicon.Find("价格太贵"));
    }

    [Fact]
    public void Before_the_first_load_the_synchronous_lookup_gives_the_defaults()
    {
        Assert.Contains(Cache().For(_tenant).Topics, t => t.Name == "design");
    }

    [Fact]
    public async Task A_broken_row_is_logged_once_however_often_the_table_is_read_and_the_other_rows_keep_working()
    {
        var ct = TestContext.Current.CancellationToken;
        await PutAsync("design", "颜值");
        await _topics.UpsertEntityAsync(new TableEntity(_tenant, "broken") { ["Keywords"] = "x", ["NegativeOnly"] = "maybe" }, TableUpdateMode.Replace, ct);
        var cache = Cache();

        await cache.RefreshAsync(ct);
        await cache.RefreshAsync(ct);
        var lexicon = await cache.ForAsync(_tenant, ct);

        Assert.Equal(["design"], lexicon.Topics.Select(t => t.Name));
        var logged = Assert.Single(_log.Messages, m => m.Contains(_tenant, StringComparison.Ordinal));
        Assert.Contains("broken", logged, StringComparison.Ordinal);
        Assert.Contains("NegativeOnly", logged, StringComparison.Ordinal);
        Assert.Contains(cache.Current!.Problems, p => p.Tenant == _tenant && p.Topic == "broken");
    }

    [Fact]
    public async Task When_the_table_cannot_be_read_the_last_good_topics_stay_in_use()
    {
        var ct = TestContext.Current.CancellationToken;
        await PutAsync("range", "续航");
        var source = new SwitchableSource(new TableTopicSource(azurite.Connection.CreateTableServiceClient()), WrongKeySource());
        var cache = Cache(source);
        Assert.Equal(["range"], Topics(await cache.ForAsync(_tenant, ct), "续航差"));

        source.UseSecond = true;
        _clock.Advance(Interval);
        var lexicon = await cache.ForAsync(_tenant, ct);

        Assert.Equal(["range"], Topics(lexicon, "续航差"));
        Assert.Contains(_log.Messages, m => m.StartsWith("Reading table Topics failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_the_first_read_fails_the_caller_sees_the_error()
    {
        await Assert.ThrowsAsync<global::Azure.RequestFailedException>(() => Cache(WrongKeySource()).RefreshAsync(TestContext.Current.CancellationToken));
    }

    // The same Azurite with a key it does not accept: a real refusal (403) rather than a stand-in.
    private TableTopicSource WrongKeySource()
    {
        var wrongKey = Convert.ToBase64String(new byte[64]);
        var connection = AccountKey().Replace(azurite.ConnectionString, "AccountKey=" + wrongKey);
        return new TableTopicSource(StorageConnection.FromConnectionString(connection).CreateTableServiceClient());
    }

    [GeneratedRegex("AccountKey=[^;]+")]
    private static partial Regex AccountKey();

    private sealed class SwitchableSource(ITopicSource first, ITopicSource second) : ITopicSource
    {
        public bool UseSecond { get; set; }

        public Task<TopicSourceSnapshot> LoadAsync(CancellationToken cancellationToken) =>
            (UseSecond ? second : first).LoadAsync(cancellationToken);
    }
}
