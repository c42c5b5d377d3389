using System.Net.Http.Json;
using System.Text.Json;
using Triggers.App.Tests.Infrastructure;
using Azure.Data.Tables;
using Triggers.Testing;

namespace Triggers.App.Tests.Rules;

[Collection(AppCollection.Name)]
public sealed class RuleHistoryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _tenant = "t" + Guid.NewGuid().ToString("N")[..12];
    private TriggersAppFactory _app = null!;
    private TableClient _rules = null!;

    public async ValueTask InitializeAsync()
    {
        _app = new TriggersAppFactory(azurite, TriggersAppFactory.WeChatChannel("hist" + Guid.NewGuid().ToString("N")[..8], _tenant));
        _rules = TestStorage.Table(azurite, "Rules");
        await _rules.CreateIfNotExistsAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Editing_then_deleting_a_rule_keeps_each_previous_version_with_its_author_newest_first()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = _app.CreateAdminClient();
        await _rules.UpsertEntityAsync(Rule("first text", changedBy: null), TableUpdateMode.Replace, ct);
        await client.PostAsync("/api/admin/rules/reload", null, ct);

        await _rules.UpsertEntityAsync(Rule("second text", changedBy: "ops:mei"), TableUpdateMode.Replace, ct);
        await client.PostAsync("/api/admin/rules/reload", null, ct);
        await _rules.DeleteEntityAsync(_tenant, "greet", global::Azure.ETag.All, ct);
        await client.PostAsync("/api/admin/rules/reload", null, ct);

        var history = await client.GetFromJsonAsync<JsonElement>($"/api/admin/rules/history?tenant={_tenant}&rule=greet", ct);
        var entries = history.EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal("removed", entries[0].GetProperty("change").GetString());
        Assert.Contains("second text", entries[0].GetProperty("then").GetString(), StringComparison.Ordinal);
        Assert.Equal("unknown", entries[0].GetProperty("changedBy").GetString());
        Assert.Equal("changed", entries[1].GetProperty("change").GetString());
        Assert.Contains("first text", entries[1].GetProperty("then").GetString(), StringComparison.Ordinal);
        Assert.Equal("ops:mei", entries[1].GetProperty("changedBy").GetString());
        Assert.Equal("PT1H", entries[1].GetProperty("cooldown").GetString());
    }

    [Fact]
    public async Task Asking_for_history_without_a_rule_id_is_a_400_naming_the_parameter()
    {
        using var client = _app.CreateAdminClient();

        var response = await client.GetAsync($"/api/admin/rules/history?tenant={_tenant}", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("rule", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private TableEntity Rule(string text, string? changedBy)
    {
        var entity = new TableEntity(_tenant, "greet")
        {
            ["Enabled"] = true,
            ["Priority"] = 1,
            ["When"] = """{"==":[{"var":"signal.kind"},"follow"]}""",
            ["Then"] = $$"""[{"type":"message","text":"{{text}}"}]""",
            ["Cooldown"] = "PT1H",
        };
        if (changedBy is not null)
        {
            entity["ChangedBy"] = changedBy;
        }

        return entity;
    }
}
