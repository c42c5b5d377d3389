using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.Rules;

/// <summary>Operations staff switch a rule off, delete one and edit one while touchpoints of each are still planned.</summary>
[Collection(AppCollection.Name)]
public sealed class RuleRetirementTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Secret = "rule-retirement-secret-01";
    private readonly string _channel = "gen" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _tenant = "t" + Guid.NewGuid().ToString("N")[..12];
    private TriggersAppFactory _app = null!;

    public ValueTask InitializeAsync()
    {
        _app = new TriggersAppFactory(azurite, new Dictionary<string, string?>
        {
            [$"Channels:{_channel}:Platform"] = "generic",
            [$"Channels:{_channel}:Tenant"] = _tenant,
            [$"Channels:{_channel}:Secret"] = Secret,
            [$"Tenants:{_tenant}:Guardrails:QuietHoursEnabled"] = "false",

            // Three touches for one contact in a day: room in the cap, so all three stay planned.
            [$"Tenants:{_tenant}:Guardrails:PerDay"] = "10",
        });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Disabling_or_deleting_a_rule_cancels_its_planned_touchpoints_with_the_reason_and_editing_one_keeps_them()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = _app.CreateAdminClient();
        foreach (var id in (string[])["to-disable", "to-delete", "to-edit"])
        {
            await GenericWebhook.AddRuleAsync(azurite, _tenant, id, """{"==":[{"var":"signal.kind"},"message"]}""", """[{"type":"message","text":"稍后联系您","delay":"PT2H"}]""", ct);
        }

        await Task.Delay(1500, ct); // past the 1 s rule refresh the tests configure
        var body = new JsonObject { ["id"] = "m1", ["kind"] = "message", ["actor"] = new JsonObject { ["id"] = "c1" }, ["text"] = "你好", ["occurredAt"] = TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) };
        Assert.True((await GenericWebhook.PostAsync(client, _channel, Secret, body.ToJsonString(), ct)).IsSuccessStatusCode);
        await Eventually.WaitAsync(() => ListAsync(client, ct), t => t.GetArrayLength() == 3, TimeSpan.FromSeconds(15));

        var rules = TestStorage.Table(azurite, "Rules");
        var disabled = (await rules.GetEntityAsync<TableEntity>(_tenant, "to-disable", cancellationToken: ct)).Value;
        disabled["Enabled"] = false;
        await rules.UpdateEntityAsync(disabled, disabled.ETag, TableUpdateMode.Replace, ct);
        await rules.DeleteEntityAsync(_tenant, "to-delete", cancellationToken: ct);
        var edited = (await rules.GetEntityAsync<TableEntity>(_tenant, "to-edit", cancellationToken: ct)).Value;
        edited["Then"] = """[{"type":"message","text":"改过的文字","delay":"PT3H"}]""";
        await rules.UpdateEntityAsync(edited, edited.ETag, TableUpdateMode.Replace, ct);

        var after = await Eventually.WaitAsync(
            () => ListAsync(client, ct),
            t => t.EnumerateArray().Count(x => x.GetProperty("status").GetString() == "cancelled") == 2,
            TimeSpan.FromSeconds(30));

        var byRule = after.EnumerateArray().ToDictionary(t => t.GetProperty("ruleId").GetString()!);
        Assert.Equal(("cancelled", "rule disabled"), Outcome(byRule["to-disable"]));
        Assert.Equal(("cancelled", "rule deleted"), Outcome(byRule["to-delete"]));
        Assert.Equal("planned", byRule["to-edit"].GetProperty("status").GetString());
        Assert.Equal("稍后联系您", byRule["to-edit"].GetProperty("text").GetString());

        // The caps stop counting the cancelled ones: the contact's planned touches hold only the edited rule's.
        var edit = byRule["to-edit"].GetProperty("id").GetString();
        var planned = await Eventually.WaitAsync(() => PlannedAsync(ct), ids => ids.Count == 1, TimeSpan.FromSeconds(30));
        Assert.Equal([edit], planned);
    }

    private async Task<List<string?>> PlannedAsync(CancellationToken ct)
    {
        var state = (await TestStorage.Table(azurite, "ContactStates").GetEntityAsync<TableEntity>($"{_tenant}|{_channel}", "c1", cancellationToken: ct)).Value;
        return [.. JsonDocument.Parse(state.GetString("Planned")!).RootElement.EnumerateArray().Select(e => e.GetProperty("Id").GetString())];
    }

    private static (string?, string?) Outcome(JsonElement touchpoint) =>
        (touchpoint.GetProperty("status").GetString(), touchpoint.GetProperty("statusReason").GetString());

    private async Task<JsonElement> ListAsync(HttpClient client, CancellationToken ct) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/admin/touchpoints?tenant={_tenant}", ct);
}
