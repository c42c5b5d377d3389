using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.People;

/// <summary>Trust scored from table Scoring on the real app and Azurite: hot-reloaded rows, broken rows, the contribute action, hand-off urgency.</summary>
[Collection(AppCollection.Name)]
public sealed class TrustTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Secret = "trust-secret-0001";
    private readonly string _tenant = "t" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _channel = "gen" + Guid.NewGuid().ToString("N")[..12];
    private TriggersAppFactory _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _app = new TriggersAppFactory(azurite, new Dictionary<string, string?>(TriggersAppFactory.GenericChannel(_channel, _tenant, Secret))
        {
            ["Dispatch:Interval"] = "00:00:01",
        });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task ScoringRowAsync(string row, object? points, string component = "community", string when = """{"==": [{"var": "signal.attributes.event"}, "answer"]}""")
    {
        var table = TestStorage.Table(azurite, "Scoring");
        await table.CreateIfNotExistsAsync(Ct);
        await table.UpsertEntityAsync(new TableEntity(_tenant, row) { ["Component"] = component, ["When"] = when, ["Points"] = points }, TableUpdateMode.Replace, Ct);
    }

    private Task<HttpResponseMessage> AnswerAsync(HttpClient client, string id, string actor) =>
        GenericWebhook.PostAsync(client, _channel, Secret, new JsonObject
        {
            ["id"] = id, ["kind"] = "comment", ["actor"] = new JsonObject { ["id"] = actor }, ["text"] = "看防伪码就能分辨真假",
            ["occurredAt"] = TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            ["attributes"] = new JsonObject { ["event"] = "answer" },
        }.ToJsonString(), Ct);

    private async Task<JsonElement> TrustAsync(HttpClient client, string actor) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/admin/contacts/generic:{actor}?tenant={_tenant}", Ct)).GetProperty("trust");

    [Fact]
    public async Task A_scoring_row_edited_in_the_table_changes_the_next_score_and_a_broken_row_is_reported_while_the_others_work()
    {
        using var client = _app.CreateAdminClient();
        Assert.Equal(JsonValueKind.Null, (await TrustAsync(client, "helper-1")).GetProperty("score").ValueKind);
        await ScoringRowAsync("answer", 10);
        await ScoringRowAsync("typo", "十", component: "community", when: "true");
        await Eventually.WaitAsync(
            () => client.GetFromJsonAsync<JsonElement>("/api/admin/health", Ct),
            h => h.GetProperty("scoring").GetProperty("problems").EnumerateArray().Any(p => p.GetProperty("tenant").GetString() == _tenant),
            TimeSpan.FromSeconds(10));

        Assert.True((await AnswerAsync(client, "a-1", "helper-1")).IsSuccessStatusCode);
        var first = await Eventually.WaitAsync(() => TrustAsync(client, "helper-1"), t => t.GetProperty("components").GetProperty("community").GetProperty("points").GetDouble() > 0, TimeSpan.FromSeconds(20));
        await ScoringRowAsync("answer", 40);
        await Task.Delay(1500, Ct);
        Assert.True((await AnswerAsync(client, "a-2", "helper-1")).IsSuccessStatusCode);
        var second = await Eventually.WaitAsync(() => TrustAsync(client, "helper-1"), t => t.GetProperty("components").GetProperty("community").GetProperty("points").GetDouble() > 10, TimeSpan.FromSeconds(20));

        Assert.Equal(10, first.GetProperty("components").GetProperty("community").GetProperty("points").GetDouble(), 1);
        Assert.Equal(50, second.GetProperty("components").GetProperty("community").GetProperty("points").GetDouble(), 1);
        Assert.Equal(63.2, second.GetProperty("components").GetProperty("community").GetProperty("score").GetDouble());
        Assert.True(second.GetProperty("score").GetDouble() > first.GetProperty("score").GetDouble());
        var health = await client.GetFromJsonAsync<JsonElement>("/api/admin/health", Ct);
        var problem = health.GetProperty("scoring").GetProperty("problems").EnumerateArray().Single(p => p.GetProperty("tenant").GetString() == _tenant);
        Assert.Equal("typo", problem.GetProperty("row").GetString());
        Assert.StartsWith("Points is '十', not a number", problem.GetProperty("problem").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contribute_action_adds_community_points_once_and_a_trusted_contributor_is_handed_off_more_urgently()
    {
        using var client = _app.CreateAdminClient();
        await ScoringRowAsync("answer", 1);
        await GenericWebhook.AddRuleAsync(azurite, _tenant, "fake-report", """{"==":[{"var":"signal.attributes.event"},"answer"]}""", """[{"type":"contribute","points":100,"reason":"帮助他人辨别假货"},{"type":"handoff","delay":"PT2S"}]""", Ct);
        await Task.Delay(1500, Ct);

        Assert.True((await AnswerAsync(client, "c-1", "helper-2")).IsSuccessStatusCode);
        var handoffs = await Eventually.WaitAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/admin/handoffs?tenant={_tenant}", Ct), h => h.GetArrayLength() == 1, TimeSpan.FromSeconds(30));
        var trust = await TrustAsync(client, "helper-2");

        // 101 community points (the row's 1 and the action's 100) reach 86.7; the person is then more urgent than the
        // plain formula says: urgency + 0.2 × trust / 100 × (1 − urgency).
        Assert.Equal(86.7, trust.GetProperty("components").GetProperty("community").GetProperty("score").GetDouble());
        var context = handoffs[0].GetProperty("context").GetProperty("urgency");
        Assert.Equal(trust.GetProperty("score").GetDouble(), context.GetProperty("trust").GetDouble());
        var touchpoints = await client.GetFromJsonAsync<JsonElement>($"/api/admin/touchpoints?tenant={_tenant}", Ct);
        var contribution = touchpoints.EnumerateArray().Single(t => t.GetProperty("type").GetString() == "contribute");
        Assert.Equal("sent", contribution.GetProperty("status").GetString());
        Assert.Contains("recorded 100 community points for generic:helper-2", contribution.GetProperty("statusReason").GetString(), StringComparison.Ordinal);
    }
}
