using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.Portfolio;

/// <summary>Journeys across quadrants on the real app: rules see contact.journey, and the funnel counts who moved how far.</summary>
[Collection(AppCollection.Name)]
public sealed class JourneyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Secret = "journey-secret-00001";
    private readonly string _tenant = "t" + Guid.NewGuid().ToString("N")[..12];
    private readonly string[] _channels = [.. Enumerable.Range(0, 4).Select(i => $"q{i}" + Guid.NewGuid().ToString("N")[..10])];
    private TriggersAppFactory _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string?>();
        foreach (var channel in _channels)
        {
            foreach (var (key, value) in TriggersAppFactory.GenericChannel(channel, _tenant, Secret))
            {
                settings[key] = value;
            }
        }

        _app = new TriggersAppFactory(azurite, settings);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_person_who_moves_value_emotion_conversion_service_is_seen_by_rules_and_counted_at_every_step_of_the_funnel()
    {
        using var client = _app.CreateAdminClient();
        var table = TestStorage.Table(azurite, "Portfolio");
        await table.CreateIfNotExistsAsync(Ct);
        string[] quadrants = ["value", "emotion", "conversion", "service"];
        for (var i = 0; i < 4; i++)
        {
            await table.UpsertEntityAsync(new TableEntity(_tenant, "channel:" + _channels[i]) { ["Quadrant"] = quadrants[i] }, TableUpdateMode.Replace, Ct);
        }

        await GenericWebhook.AddRuleAsync(azurite, _tenant, "full-path", """{"==":[{"cat":[{"var":"contact.journey"}]},"value,emotion,conversion,service"]}""", """[{"type":"tag","text":"full-path"}]""", Ct);
        await Task.Delay(1500, Ct);

        for (var i = 0; i < 4; i++)
        {
            await PostAsync(client, _channels[i], $"a-{i}", "amy", i);
            await Eventually.WaitAsync(() => client.GetFromJsonAsync<JsonElement>($"/api/admin/signals?channel={_channels[i]}", Ct), s => s.GetArrayLength() >= 1, TimeSpan.FromSeconds(15));
        }

        await PostAsync(client, _channels[1], "b-1", "bob", 0);
        await Eventually.WaitAsync(() => client.GetFromJsonAsync<JsonElement>($"/api/admin/signals?channel={_channels[1]}", Ct), s => s.GetArrayLength() >= 2, TimeSpan.FromSeconds(15));
        var funnel = await client.GetFromJsonAsync<JsonElement>($"/api/admin/journeys?tenant={_tenant}", Ct);
        var touchpoints = await Eventually.WaitAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/admin/touchpoints?tenant={_tenant}", Ct), t => t.GetArrayLength() >= 1, TimeSpan.FromSeconds(10));

        Assert.Equal(2, funnel.GetProperty("people").GetInt32());
        Assert.Equal([1, 1, 1, 1], quadrants.Select(q => funnel.GetProperty("funnel").GetProperty(q).GetInt32()));
        var tag = Assert.Single(touchpoints.EnumerateArray());
        Assert.Equal(("amy", _channels[3]), (tag.GetProperty("contact").GetString(), tag.GetProperty("channel").GetString()));
    }

    private static async Task PostAsync(HttpClient client, string channel, string id, string actor, int minutes)
    {
        var body = new JsonObject
        {
            ["id"] = id, ["kind"] = "message", ["actor"] = new JsonObject { ["id"] = actor }, ["text"] = "你好",
            ["occurredAt"] = TimeProvider.System.GetUtcNow().AddMinutes(minutes).ToString("O", CultureInfo.InvariantCulture),
        };
        Assert.True((await GenericWebhook.PostAsync(client, channel, Secret, body.ToJsonString(), Ct)).IsSuccessStatusCode);
    }
}
