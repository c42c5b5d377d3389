using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Triggers.App.Tests.Infrastructure;
using Azure.Data.Tables;
using Triggers.Testing;

namespace Triggers.App.Tests.Processing;

/// <summary>From text to topics, clause sentiment, the emotion timeline and a rule that reacts to a peak.</summary>
[Collection(AppCollection.Name)]
public sealed class UnderstandingTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _channel = "un" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _tenant = "un" + Guid.NewGuid().ToString("N")[..12];
    private TriggersAppFactory _app = null!;

    public async ValueTask InitializeAsync()
    {
        _app = new TriggersAppFactory(azurite, TriggersAppFactory.WeChatChannel(_channel, _tenant));
        var rules = TestStorage.Table(azurite, "Rules");
        await rules.CreateIfNotExistsAsync(TestContext.Current.CancellationToken);
        await rules.UpsertEntityAsync(new TableEntity(_tenant, "range-peak-livestream")
        {
            ["Enabled"] = true,
            ["Priority"] = 10,
            ["When"] = """{"==":[{"var":"emotion.range_anxiety.peak"},true]}""",
            ["Then"] = """[{"type":"invite","template":"range-test-livestream","delay":"PT30M"}]""",
        }, TableUpdateMode.Replace, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_complaint_about_range_with_praise_for_the_design_gets_both_topics_and_a_range_peak_invites_to_the_livestream()
    {
        using var client = _app.CreateAdminClient();
        (await client.GetAsync("/api/health", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var envelope = new JsonObject
        {
            ["channel"] = _channel,
            ["id"] = "u-1",
            ["kind"] = "message",
            ["actor"] = new JsonObject { ["id"] = "driver-7" },
            ["text"] = "续航太差了但是颜值很高",
            ["occurredAt"] = "2026-11-22T10:00:00+08:00",
        };

        await TestStorage.Queue(azurite, "ingest").SendMessageAsync(envelope.ToJsonString(), null, null, TestContext.Current.CancellationToken);

        var signals = await Eventually.WaitAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/admin/signals?channel={_channel}", TestContext.Current.CancellationToken),
            s => s.GetArrayLength() > 0, TimeSpan.FromSeconds(10));
        var topics = Assert.Single(signals.EnumerateArray()).GetProperty("topics").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.Contains("range_anxiety", topics);
        Assert.Contains("design", topics);
        var touchpoints = await Eventually.WaitAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/admin/touchpoints?tenant={_tenant}", TestContext.Current.CancellationToken),
            t => t.GetArrayLength() > 0, TimeSpan.FromSeconds(10));
        var invite = Assert.Single(touchpoints.EnumerateArray());
        Assert.Equal("invite", invite.GetProperty("type").GetString());
        Assert.Equal("driver-7", invite.GetProperty("contact").GetString());
        Assert.Equal("range-peak-livestream", invite.GetProperty("ruleId").GetString());
    }
}
