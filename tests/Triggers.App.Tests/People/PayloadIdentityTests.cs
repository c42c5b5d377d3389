using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.People;

/// <summary>A phone number on orders from two platforms links the buyers, and the number is stored nowhere.</summary>
[Collection(AppCollection.Name)]
public sealed class PayloadIdentityTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Secret = "identity-secret-0001";

    // Unique per run, so a scan of the shared tables finds only this test's rows.
    private readonly string _phone = "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
    private readonly string _tenant = "t" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _shop = "gen" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _relay = "rel" + Guid.NewGuid().ToString("N")[..12];
    private TriggersAppFactory _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _app = new TriggersAppFactory(azurite, new Dictionary<string, string?>
        {
            [$"Channels:{_shop}:Platform"] = "generic",
            [$"Channels:{_shop}:Tenant"] = _tenant,
            [$"Channels:{_shop}:Secret"] = Secret,
            [$"Channels:{_relay}:Platform"] = "generic",
            [$"Channels:{_relay}:Tenant"] = _tenant,
            [$"Channels:{_relay}:Secret"] = Secret,
            [$"Tenants:{_tenant}:PhoneSalt"] = "pepper-" + Guid.NewGuid().ToString("N"),
        });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private JsonObject Order(string id, string actor, string phone) => new()
    {
        ["id"] = id, ["kind"] = "order", ["actor"] = new JsonObject { ["id"] = actor }, ["text"] = null,
        ["occurredAt"] = TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        ["attributes"] = new JsonObject { ["phone"] = phone, ["amount"] = "299.00" },
    };

    [Fact]
    public async Task Orders_from_the_shop_and_from_douyin_with_one_phone_number_are_one_person_and_the_number_is_in_no_table()
    {
        using var client = _app.CreateAdminClient();
        Assert.True((await GenericWebhook.PostAsync(client, _shop, Secret, Order("o-1", "shop-buyer", _phone).ToJsonString(), Ct)).IsSuccessStatusCode);
        var relayed = Order("dy-1", "dy-buyer", "+86 " + _phone[..3] + " " + _phone[3..7] + " " + _phone[7..]);
        relayed["channel"] = _relay;
        relayed["platform"] = "douyin";
        await TestStorage.Queue(azurite, "ingest").SendMessageAsync(relayed.ToJsonString(), null, null, Ct);

        var person = await Eventually.WaitAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/admin/contacts/douyin:dy-buyer?tenant={_tenant}", Ct),
            p => p.GetProperty("accounts").GetArrayLength() == 3, TimeSpan.FromSeconds(20));
        var refused = await GenericWebhook.PostAsync(client, _shop, Secret, Order("o-2", "shop-buyer", "call me").ToJsonString(), Ct);

        var accounts = person.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("platform").GetString() + ":" + a.GetProperty("id").GetString()).ToList();
        Assert.Contains("generic:shop-buyer", accounts);
        Assert.Contains("douyin:dy-buyer", accounts);
        Assert.Single(accounts, a => a.StartsWith("phone:", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("$.attributes.phone", (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var tables = TestStorage.Connection(azurite).CreateTableServiceClient();
        foreach (var name in Triggers.Azure.Stores.TableNames.All)
        {
            await foreach (var row in tables.GetTableClient(name).QueryAsync<TableEntity>(cancellationToken: Ct))
            {
                Assert.DoesNotContain(row, p => p.Value is string text && text.Contains(_phone[3..], StringComparison.Ordinal));
            }
        }
    }
}
