using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.People;

/// <summary>Two accounts on two channels linked by an identify signal are judged as one person, through the real app and Azurite.</summary>
[Collection(AppCollection.Name)]
public sealed class PersonCapTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Secret = "person-cap-secret-0001";

    private readonly string _shop = "shop" + Guid.NewGuid().ToString("N")[..10];
    private readonly string _live = "live" + Guid.NewGuid().ToString("N")[..10];
    private readonly string _tenant = "t" + Guid.NewGuid().ToString("N")[..12];
    private TriggersAppFactory _app = null!;

    public ValueTask InitializeAsync()
    {
        _app = new TriggersAppFactory(azurite, new Dictionary<string, string?>
        {
            [$"Channels:{_shop}:Platform"] = "generic",
            [$"Channels:{_shop}:Tenant"] = _tenant,
            [$"Channels:{_shop}:Secret"] = Secret,
            [$"Channels:{_live}:Platform"] = "generic",
            [$"Channels:{_live}:Tenant"] = _tenant,
            [$"Channels:{_live}:Secret"] = Secret,
            [$"Tenants:{_tenant}:Guardrails:QuietHoursEnabled"] = "false",
            [$"Tenants:{_tenant}:Guardrails:PerDay"] = "3",
            [$"Tenants:{_tenant}:Guardrails:SlackShare"] = "0",
        });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Two_linked_accounts_get_at_most_three_automated_touches_a_day_together_and_an_opt_out_on_one_blocks_both()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = _app.CreateAdminClient();
        await GenericWebhook.AddRuleAsync(azurite, _tenant, "reply", """{"==":[{"var":"signal.kind"},"message"]}""", """[{"type":"message","text":"收到","delay":"PT1H","slack":0}]""", ct);
        await Task.Delay(1500, ct);
        await PostAsync(client, _shop, Signal("id-1", "identify", "crm-1", null, new JsonObject
        {
            ["member"] = "M-77",
            ["accounts"] = new JsonArray(new JsonObject { ["platform"] = "generic", ["id"] = "alice" }, new JsonObject { ["platform"] = "generic", ["id"] = "alice-live" }),
        }), ct);
        await Eventually.WaitAsync(() => client.GetFromJsonAsync<JsonElement>($"/api/admin/contacts/generic%3Aalice?tenant={_tenant}", ct), p => p.GetProperty("linked").GetBoolean(), TimeSpan.FromSeconds(15));

        // Five messages, one at a time, alternating between the two accounts on their two channels.
        for (var i = 0; i < 5; i++)
        {
            var (channel, actor) = i % 2 == 0 ? (_shop, "alice") : (_live, "alice-live");
            await PostAsync(client, channel, Signal($"m-{i}", "message", actor, "你好 " + i), ct);
            await Eventually.WaitAsync(() => ListAsync(client, ct), t => t.GetArrayLength() == i + 1, TimeSpan.FromSeconds(15));
        }

        var touchpoints = (await ListAsync(client, ct)).EnumerateArray().ToList();
        Assert.Equal(3, touchpoints.Count(t => t.GetProperty("status").GetString() == "planned"));
        Assert.Equal(2, touchpoints.Count(t => t.GetProperty("guardrail").GetString() == "frequency-cap"));

        // Each touchpoint shows the person with every linked account.
        Assert.All(touchpoints, t => Assert.Equal("member:M-77", t.GetProperty("person").GetProperty("id").GetString()));
        Assert.Equal(
            ["generic:alice", "generic:alice-live", "generic:crm-1"],
            touchpoints[0].GetProperty("person").GetProperty("accounts").EnumerateArray().Select(a => $"{a.GetProperty("platform").GetString()}:{a.GetProperty("id").GetString()}").Order(StringComparer.Ordinal));

        // An opt-out on the live channel's account blocks the next touch for the shop's (consent is judged before caps).
        await PostAsync(client, _live, Signal("stop", "message", "alice-live", "退订", minutes: 1), ct);
        await Eventually.WaitAsync(() => ListAsync(client, ct), t => t.GetArrayLength() == 6, TimeSpan.FromSeconds(15));
        await PostAsync(client, _shop, Signal("after", "message", "alice", "在吗", minutes: 2), ct);

        var all = await Eventually.WaitAsync(() => ListAsync(client, ct), t => t.GetArrayLength() == 7, TimeSpan.FromSeconds(15));
        var last = all.EnumerateArray().Where(t => t.GetProperty("contact").GetString() == "alice").MaxBy(t => t.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(("blocked", "consent"), (last.GetProperty("status").GetString(), last.GetProperty("guardrail").GetString()));
        Assert.Contains("the same person (alice-live on " + _live + ") opted out", last.GetProperty("statusReason").GetString(), StringComparison.Ordinal);
    }

    private static JsonObject Signal(string id, string kind, string actor, string? text, JsonObject? attributes = null, int minutes = 0)
    {
        var signal = new JsonObject
        {
            ["id"] = id,
            ["kind"] = kind,
            ["actor"] = new JsonObject { ["id"] = actor },
            ["text"] = text,
            ["occurredAt"] = TimeProvider.System.GetUtcNow().AddMinutes(minutes).ToString("O", CultureInfo.InvariantCulture),
        };
        if (attributes is not null)
        {
            signal["attributes"] = attributes;
        }

        return signal;
    }

    private static async Task PostAsync(HttpClient client, string channel, JsonObject signal, CancellationToken ct)
    {
        var response = await GenericWebhook.PostAsync(client, channel, Secret, signal.ToJsonString(), ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    private async Task<JsonElement> ListAsync(HttpClient client, CancellationToken ct) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/admin/touchpoints?tenant={_tenant}&limit=100", ct);
}
