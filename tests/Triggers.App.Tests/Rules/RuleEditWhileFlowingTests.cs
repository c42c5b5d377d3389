using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Triggers.App.Tests.Infrastructure;
using Azure.Data.Tables;
using Triggers.Testing;

namespace Triggers.App.Tests.Rules;

[Collection(AppCollection.Name)]
public sealed class RuleEditWhileFlowingTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _channel = "ef" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _tenant = "ef" + Guid.NewGuid().ToString("N")[..12];
    private TriggersAppFactory _app = null!;
    private TableClient _rules = null!;

    public async ValueTask InitializeAsync()
    {
        _app = new TriggersAppFactory(azurite, TriggersAppFactory.WeChatChannel(_channel, _tenant));
        _rules = TestStorage.Table(azurite, "Rules");
        await _rules.CreateIfNotExistsAsync(TestContext.Current.CancellationToken);
        await SetRuleAsync("v1");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_rule_edited_while_signals_flow_applies_to_later_signals_and_every_signal_is_evaluated_exactly_once()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = _app.CreateAdminClient();
        (await client.GetAsync("/api/health", ct)).EnsureSuccessStatusCode();
        var ingest = TestStorage.Queue(azurite, "ingest");
        var afterEdit = new List<string>();

        for (var i = 0; i < 12; i++)
        {
            if (i == 4)
            {
                // Edited straight in the table, as staff would; the tests refresh rules every second.
                await SetRuleAsync("v2");
            }

            var id = $"s{i:D2}";
            if (i >= 8)
            {
                afterEdit.Add(id);
            }

            await ingest.SendMessageAsync(Envelope(id), null, null, ct);
            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        }

        var signals = await Eventually.WaitAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/admin/signals?channel={_channel}&limit=100", ct),
            s => s.GetArrayLength() >= 12, TimeSpan.FromSeconds(15));
        var touchpoints = await Eventually.WaitAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/admin/touchpoints?tenant={_tenant}&limit=100", ct),
            t => t.GetArrayLength() >= 12, TimeSpan.FromSeconds(15));

        // None dropped: all twelve processed. None evaluated twice: one touchpoint per signal.
        Assert.Equal(12, signals.GetArrayLength());
        var planned = touchpoints.EnumerateArray().ToList();
        Assert.Equal(12, planned.Count);
        Assert.Equal(12, planned.Select(t => t.GetProperty("signalId").GetString()).Distinct().Count());
        // Signals sent two seconds or more after the edit (well past the refresh interval) saw the new version.
        var bySignal = signals.EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("actor").GetProperty("id").GetString()!);
        var lateSignalIds = bySignal.Where(s => afterEdit.Contains(s.Value)).Select(s => s.Key).ToHashSet();
        Assert.Equal(4, lateSignalIds.Count);
        Assert.All(planned.Where(t => lateSignalIds.Contains(t.GetProperty("signalId").GetString()!)),
            t => Assert.Equal("v2", t.GetProperty("text").GetString()));
        Assert.Contains(planned, t => t.GetProperty("text").GetString() == "v1");
    }

    private async Task SetRuleAsync(string version) =>
        await _rules.UpsertEntityAsync(new TableEntity(_tenant, "tag-every-message")
        {
            ["Enabled"] = true,
            ["Priority"] = 1,
            ["When"] = """{"==":[{"var":"signal.kind"},"message"]}""",
            ["Then"] = $$"""[{"type":"tag","text":"{{version}}"}]""",
        }, TableUpdateMode.Replace, TestContext.Current.CancellationToken);

    // The actor id carries the envelope id, so the test can tell which signal was sent when.
    private string Envelope(string id) => new JsonObject
    {
        ["channel"] = _channel,
        ["id"] = id,
        ["kind"] = "message",
        ["actor"] = new JsonObject { ["id"] = id },
        ["text"] = "hello " + id,
        ["occurredAt"] = "2026-11-22T10:00:00+08:00",
    }.ToJsonString();
}
