using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Triggers.App.Tests.Infrastructure;
using Triggers.Azure.Stores;
using Triggers.Core.Processing;
using Triggers.Core.Signals;
using Triggers.Hosting.Processing;
using Triggers.Testing;

namespace Triggers.App.Tests.People;

/// <summary>Erasure on request (PIPL, GDPR) on the real app and Azurite, checked in every table the app has.</summary>
[Collection(AppCollection.Name)]
public sealed class ErasureTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Secret = "erasure-secret-0001";

    // Unique per run, so a scan of a shared table finds only this test's rows.
    private readonly string _erased = "gone" + Guid.NewGuid().ToString("N")[..10];
    private readonly string _kept = "kept" + Guid.NewGuid().ToString("N")[..10];
    private readonly string _member = "M" + Guid.NewGuid().ToString("N")[..10];
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

    private static readonly DateTimeOffset Before = TimeProvider.System.GetUtcNow().AddMinutes(-5);

    private Task<HttpResponseMessage> PostAsync(HttpClient client, string id, string actor, string text, DateTimeOffset at, JsonObject? attributes = null) =>
        GenericWebhook.PostAsync(client, _channel, Secret, new JsonObject
        {
            ["id"] = id, ["kind"] = "message", ["actor"] = new JsonObject { ["id"] = actor }, ["text"] = text,
            ["occurredAt"] = at.ToString("O", CultureInfo.InvariantCulture), ["attributes"] = attributes ?? [],
        }.ToJsonString(), Ct);

    [Fact]
    public async Task Erasing_a_person_leaves_no_row_naming_any_of_its_accounts_in_any_table_keeps_the_ledger_totals_and_drops_its_old_signals()
    {
        using var client = _app.CreateAdminClient();
        var table = TestStorage.Table(azurite, "Scoring");
        await table.CreateIfNotExistsAsync(Ct);
        await table.UpsertEntityAsync(new TableEntity(_tenant, "warm") { ["Component"] = "sentiment", ["When"] = "true", ["Points"] = 1 }, TableUpdateMode.Replace, Ct);
        await GenericWebhook.AddRuleAsync(azurite, _tenant, "care", """{"==":[{"var":"signal.kind"},"message"]}""", """[{"type":"message","text":"我们在","delay":"PT1H"},{"type":"handoff","delay":"PT1S"}]""", Ct);
        var rules = TestStorage.Table(azurite, "Rules");
        await rules.UpsertEntityAsync(new TableEntity(_tenant, "cool") { ["Enabled"] = true, ["Priority"] = 1, ["When"] = "true", ["Then"] = """[{"type":"tag","text":"seen"}]""", ["Cooldown"] = "P1D" }, TableUpdateMode.Replace, Ct);
        await Task.Delay(1500, Ct);

        var identify = new JsonObject
        {
            ["id"] = "id-1", ["kind"] = "identify", ["actor"] = new JsonObject { ["id"] = _erased }, ["text"] = null,
            ["occurredAt"] = Before.ToString("O", CultureInfo.InvariantCulture),
            ["attributes"] = new JsonObject { ["member"] = _member, ["accounts"] = new JsonArray(new JsonObject { ["platform"] = "wechat", ["id"] = _erased + "-wx" }) },
        };
        Assert.True((await GenericWebhook.PostAsync(client, _channel, Secret, identify.ToJsonString(), Ct)).IsSuccessStatusCode);
        Assert.True((await PostAsync(client, "m-1", _erased, "续航太差了，我很担心，怎么办", Before.AddSeconds(1))).IsSuccessStatusCode);
        Assert.True((await PostAsync(client, "m-2", _kept, "续航怎么样", Before.AddSeconds(2))).IsSuccessStatusCode);
        await Eventually.WaitAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/admin/handoffs?tenant={_tenant}", Ct), h => h.GetArrayLength() == 2, TimeSpan.FromSeconds(30));
        // Staff took the WeChat account out and put it back: the unlink record names it, so erasure must remove it too.
        (await client.PostAsJsonAsync("/api/admin/contacts/unlink", new { account = $"wechat:{_erased}-wx", tenant = _tenant, by = "mei" }, Ct)).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/admin/contacts/link", new { accounts = new[] { $"generic:{_erased}", $"wechat:{_erased}-wx" }, member = _member, tenant = _tenant, by = "mei" }, Ct)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync(
            $"/api/admin/contacts/generic:{_erased}/coins/deposit?tenant={_tenant}", new { amount = 100, idempotencyKey = "gift-" + _erased }, Ct)).StatusCode);
        Assert.NotEmpty(await RowsNamingAsync(_erased));

        var erased = await client.DeleteAsync($"/api/admin/contacts/wechat:{_erased}-wx?tenant={_tenant}&by=dpo", Ct);

        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        var record = await erased.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((2, "admin:dpo"), (record.GetProperty("accounts").GetInt32(), record.GetProperty("by").GetString()));
        Assert.Equal(100, record.GetProperty("ledger").GetProperty("deposited").GetInt64());
        Assert.Equal(100, record.GetProperty("ledger").GetProperty("forfeited").GetInt64());
        Assert.DoesNotContain(_erased, record.GetRawText(), StringComparison.Ordinal);
        Assert.Empty(await RowsNamingAsync(_erased));
        Assert.Empty(await RowsNamingAsync(_member));
        Assert.NotEmpty(await RowsNamingAsync(_kept));

        // Its old message redelivered (a queue retry, a platform replay) is dropped; a new one is the person coming back.
        var processor = _app.Services.GetRequiredService<SignalProcessor>();
        await processor.ProcessAsync(SignalMessage.Serialize(Signal("m-1", Before.AddSeconds(1))), 2, Ct);
        Assert.Empty(await RowsNamingAsync(_erased));
        await processor.ProcessAsync(SignalMessage.Serialize(Signal("m-3", TimeProvider.System.GetUtcNow().AddSeconds(1))), 1, Ct);
        Assert.NotEmpty(await RowsNamingAsync(_erased));

        // The erased person's idempotency key can be neither answered again nor reused.
        var reused = await client.PostAsJsonAsync($"/api/admin/contacts/generic:{_kept}/coins/deposit?tenant={_tenant}", new { amount = 100, idempotencyKey = "gift-" + _erased }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Contains("belonged to a person who was erased", (await reused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var history = await client.GetFromJsonAsync<JsonElement>($"/api/admin/erasures?tenant={_tenant}", Ct);
        Assert.Equal(record.GetProperty("id").GetString(), Assert.Single(history.EnumerateArray()).GetProperty("id").GetString());
    }

    private Signal Signal(string key, DateTimeOffset at) => new()
    {
        Id = SignalIds.Create(_tenant, _channel, key),
        Channel = _channel,
        Platform = "generic",
        Tenant = _tenant,
        Kind = SignalKinds.Message,
        Actor = new SignalActor(_erased),
        Text = "续航太差了",
        OccurredAt = at,
        ReceivedAt = at,
        DedupeKey = key,
    };

    /// <summary>Every row of every table the app creates whose keys or any text property contain <paramref name="text"/>, as "table: key".</summary>
    private async Task<List<string>> RowsNamingAsync(string text)
    {
        var found = new List<string>();
        var tables = TestStorage.Connection(azurite).CreateTableServiceClient();
        foreach (var name in TableNames.All)
        {
            await foreach (var row in tables.GetTableClient(name).QueryAsync<TableEntity>(cancellationToken: Ct))
            {
                if (row.PartitionKey.Contains(text, StringComparison.Ordinal) || row.RowKey.Contains(text, StringComparison.Ordinal)
                    || row.Select(p => p.Value).OfType<string>().Any(v => v.Contains(text, StringComparison.Ordinal)))
                {
                    found.Add($"{name}: {row.PartitionKey} / {row.RowKey}");
                }
            }
        }

        return found;
    }
}
