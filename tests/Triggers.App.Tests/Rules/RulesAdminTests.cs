using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.Rules;

/// <summary>Rules edited through the admin API, as the console does: written into table Rules as staff would write them.</summary>
[Collection(AppCollection.Name)]
public sealed class RulesAdminTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string When = """{"==":[{"var":"signal.kind"},"order"]}""";
    private readonly string _tenant = "t" + Guid.NewGuid().ToString("N")[..12];
    private TriggersAppFactory _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _app = new TriggersAppFactory(azurite, TriggersAppFactory.GenericChannel("gen" + _tenant, _tenant, "rules-admin-secret-01"));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static object Rule(bool enabled = false, string? version = null, string text = "谢谢您的订单") => new
    {
        when = JsonDocument.Parse(When).RootElement,
        then = JsonDocument.Parse($$"""[{"type":"message","text":"{{text}}","delay":"PT1H","slack":0.2}]""").RootElement,
        enabled,
        priority = 40,
        cooldown = "P1D",
        description = "thank buyers",
        by = "lee",
        version,
    };

    [Fact]
    public async Task A_rule_saved_through_the_api_is_the_row_staff_would_write_and_names_who_saved_it()
    {
        using var client = _app.CreateAdminClient();

        var saved = await client.PutAsJsonAsync($"/api/admin/rules/thank-buyers?tenant={_tenant}", Rule(), Ct);
        var row = await TestStorage.Table(azurite, "Rules").GetEntityAsync<TableEntity>(_tenant, "thank-buyers", cancellationToken: Ct);
        var listed = await client.GetFromJsonAsync<JsonElement>($"/api/admin/rules?tenant={_tenant}", Ct);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("added", (await saved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("outcome").GetString());
        var entity = row.Value;
        Assert.Equal((false, 40, When, "P1D", "thank buyers", "admin:lee"), (entity.GetBoolean("Enabled"), entity.GetInt32("Priority"), entity.GetString("When"), entity.GetString("Cooldown"), entity.GetString("Description"), entity.GetString("ChangedBy")));
        Assert.Equal("""[{"type":"message","text":"谢谢您的订单","delay":"PT1H","slack":0.2}]""", entity.GetString("Then"));
        var rule = Assert.Single(listed.EnumerateArray());
        Assert.Equal(("thank-buyers", "disabled", "admin:lee"), (rule.GetProperty("id").GetString(), rule.GetProperty("status").GetString(), rule.GetProperty("changedBy").GetString()));
    }

    [Fact]
    public async Task A_rule_that_cannot_run_is_refused_with_every_problem_and_nothing_is_stored()
    {
        using var client = _app.CreateAdminClient();

        var refused = await client.PutAsJsonAsync(
            $"/api/admin/rules/broken?tenant={_tenant}",
            new { when = JsonDocument.Parse("""{"frobnicate":[1]}""").RootElement, then = JsonDocument.Parse("""[{"type":"telegram"}]""").RootElement, priority = "high" },
            Ct);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var listed = await client.GetFromJsonAsync<JsonElement>($"/api/admin/rules?tenant={_tenant}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problems = problem.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Contains(problems, p => p.StartsWith("priority must be a whole number", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("frobnicate", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Then[0].type \"telegram\" is not an action type", StringComparison.Ordinal));
        Assert.Equal(0, listed.GetArrayLength());
    }

    [Fact]
    public async Task Enabling_puts_the_rule_to_work_and_its_history_names_the_key_and_person_while_a_stale_edit_is_refused()
    {
        using var client = _app.CreateAdminClient();
        var first = await (await client.PutAsJsonAsync($"/api/admin/rules/thank-buyers?tenant={_tenant}", Rule(), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var readVersion = first.GetProperty("rule").GetProperty("version").GetString();

        var enabled = await client.PostAsJsonAsync($"/api/admin/rules/thank-buyers/enable?tenant={_tenant}", new { by = "wang" }, Ct);
        var stale = await client.PutAsJsonAsync($"/api/admin/rules/thank-buyers?tenant={_tenant}", Rule(version: readVersion, text: "覆盖"), Ct);
        var history = await client.GetFromJsonAsync<JsonElement>($"/api/admin/rules/history?tenant={_tenant}&rule=thank-buyers", Ct);
        var listed = Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/admin/rules?tenant={_tenant}", Ct)).EnumerateArray());

        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("was changed by admin:wang", (await stale.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(("enabled", "admin:wang"), (listed.GetProperty("status").GetString(), listed.GetProperty("changedBy").GetString()));
        var entry = Assert.Single(history.EnumerateArray());
        Assert.Equal(("admin:wang", false), (entry.GetProperty("changedBy").GetString(), entry.GetProperty("enabled").GetBoolean()));
    }

    [Fact]
    public async Task A_broken_rule_written_straight_into_the_table_is_listed_as_broken_with_its_problem()
    {
        using var client = _app.CreateAdminClient();
        await GenericWebhook.AddRuleAsync(azurite, _tenant, "typo", """{"==":[{"var":"signal.kind"},"order"]""", """[{"type":"message","text":"hi"}]""", Ct);
        await client.PostAsync("/api/admin/rules/reload", null, Ct);

        var listed = Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/admin/rules?tenant={_tenant}", Ct)).EnumerateArray());

        Assert.Equal(("typo", "broken"), (listed.GetProperty("id").GetString(), listed.GetProperty("status").GetString()));
        Assert.StartsWith("When is not valid JSON", listed.GetProperty("problems")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validating_a_draft_names_each_problem_and_where_it_is_and_writes_nothing()
    {
        using var client = _app.CreateAdminClient();
        var draft = new
        {
            id = "draft-rule",
            when = JsonDocument.Parse(When).RootElement,
            then = JsonDocument.Parse("""[{"type":"message","text":"好"},{"type":"teleport"}]""").RootElement,
            cooldown = "one day",
        };
        var good = new { id = "draft-rule", when = true, then = JsonDocument.Parse("""[{"type":"tag","text":"buyer"}]""").RootElement };

        var checkedBad = await (await client.PostAsJsonAsync($"/api/admin/rules/validate?tenant={_tenant}", draft, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var checkedGood = await (await client.PostAsJsonAsync($"/api/admin/rules/validate?tenant={_tenant}", good, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var listed = await client.GetFromJsonAsync<JsonElement>($"/api/admin/rules?tenant={_tenant}", Ct);

        Assert.False(checkedBad.GetProperty("valid").GetBoolean());
        var problems = checkedBad.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Then[1].type \"teleport\" is not an action type", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Cooldown \"one day\" is not an ISO-8601 duration", StringComparison.Ordinal));
        Assert.True(checkedGood.GetProperty("valid").GetBoolean());
        Assert.Equal(0, checkedGood.GetProperty("problems").GetArrayLength());
        Assert.Equal(0, listed.GetArrayLength());
    }
}
