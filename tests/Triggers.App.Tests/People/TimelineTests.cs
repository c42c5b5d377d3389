using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.People;

/// <summary>A linked person's history and emotion merged across accounts: the timeline route and the hand-off context.</summary>
[Collection(AppCollection.Name)]
public sealed class TimelineTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Secret = "timeline-secret-0001";
    private readonly string _shop = "shop" + Guid.NewGuid().ToString("N")[..10];
    private readonly string _tenant = "t" + Guid.NewGuid().ToString("N")[..12];
    private TriggersAppFactory _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _app = new TriggersAppFactory(azurite, new Dictionary<string, string?>(TriggersAppFactory.GenericChannel(_shop, _tenant, Secret))
        {
            ["Dispatch:Interval"] = "00:00:01",
        });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_timeline_and_a_hand_off_show_what_the_person_said_on_every_linked_account()
    {
        using var client = _app.CreateAdminClient();
        Assert.True((await client.PostAsJsonAsync("/api/admin/contacts/link", new { tenant = _tenant, accounts = new[] { "generic:amy", "generic:amy-2" }, member = "M-88" }, Ct)).IsSuccessStatusCode);
        await GenericWebhook.AddRuleAsync(azurite, _tenant, "worried", """{"==":[{"var":"signal.attributes.ask"},"human"]}""", """[{"type":"handoff","delay":"PT1S"}]""", Ct);
        await Task.Delay(1500, Ct);

        await PostAsync(client, "s-1", "amy-2", "续航太让人担心了，冬天掉电好快", null);
        await Eventually.WaitAsync(() => TimelineAsync(client), t => t.GetProperty("items").GetArrayLength() >= 1, TimeSpan.FromSeconds(15));
        await PostAsync(client, "s-2", "amy", "我想找人工聊聊", new JsonObject { ["ask"] = "human" });

        var handoffs = await Eventually.WaitAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/admin/handoffs?tenant={_tenant}", Ct), h => h.GetArrayLength() == 1, TimeSpan.FromSeconds(20));
        var timeline = await TimelineAsync(client);

        var said = handoffs[0].GetProperty("context").GetProperty("lastSignals").EnumerateArray().Select(s => s.GetProperty("text").GetString()).ToList();
        Assert.Contains("续航太让人担心了，冬天掉电好快", said);
        var items = timeline.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["generic:amy", "generic:amy-2"], items.Where(i => i.GetProperty("type").GetString() == "signal").Select(i => i.GetProperty("account").GetString()).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(items, i => i.GetProperty("type").GetString() == "handoff");
        var emotion = timeline.GetProperty("emotion").EnumerateObject().ToList();
        Assert.Contains(emotion, topic => topic.Value.EnumerateArray().Any(p => p.GetProperty("account").GetString() == "generic:amy-2"));
        Assert.Equal("member:M-88", timeline.GetProperty("person").GetProperty("id").GetString());
        var byPersonId = await client.GetFromJsonAsync<JsonElement>($"/api/admin/contacts/member:M-88/timeline?tenant={_tenant}", Ct);
        Assert.Equal(items.Count, byPersonId.GetProperty("items").GetArrayLength());
        var nobody = await client.GetAsync($"/api/admin/contacts/member:M-404/timeline?tenant={_tenant}", Ct);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, nobody.StatusCode);
    }

    [Fact]
    public async Task The_timeline_shows_a_consent_change_and_an_unlink_with_who_made_them()
    {
        using var client = _app.CreateAdminClient();
        Assert.True((await client.PostAsJsonAsync("/api/admin/contacts/link", new { tenant = _tenant, accounts = new[] { "generic:amy", "generic:amy-2" }, member = "M-89" }, Ct)).IsSuccessStatusCode);
        await PostAsync(client, "c-1", "amy", "你好", null);
        await Eventually.WaitAsync(() => TimelineAsync(client), t => t.GetProperty("items").GetArrayLength() >= 1, TimeSpan.FromSeconds(15));

        Assert.True((await client.PostAsJsonAsync("/api/admin/consent", new { channel = _shop, contact = "amy", optedOut = true, by = "mei" }, Ct)).IsSuccessStatusCode);
        Assert.True((await client.PostAsJsonAsync("/api/admin/contacts/unlink", new { tenant = _tenant, account = "generic:amy", by = "mei" }, Ct)).IsSuccessStatusCode);
        var items = (await TimelineAsync(client)).GetProperty("items").EnumerateArray().ToList();

        var consent = Assert.Single(items, i => i.GetProperty("type").GetString() == "consent");
        Assert.Equal("consent: opted out by admin:mei", consent.GetProperty("summary").GetString());
        var unlink = Assert.Single(items, i => i.GetProperty("type").GetString() == "unlink");
        Assert.Equal("unlinked from member:M-89 by admin:mei", unlink.GetProperty("summary").GetString());
    }

    private async Task PostAsync(HttpClient client, string id, string actor, string text, JsonObject? attributes)
    {
        var body = new JsonObject
        {
            ["id"] = id, ["kind"] = "message", ["actor"] = new JsonObject { ["id"] = actor }, ["text"] = text,
            ["occurredAt"] = TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), ["attributes"] = attributes ?? [],
        };
        Assert.True((await GenericWebhook.PostAsync(client, _shop, Secret, body.ToJsonString(), Ct)).IsSuccessStatusCode);
    }

    private async Task<JsonElement> TimelineAsync(HttpClient client) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/admin/contacts/generic:amy/timeline?tenant={_tenant}", Ct);
}
