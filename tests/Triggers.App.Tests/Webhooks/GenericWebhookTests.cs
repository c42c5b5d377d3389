using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.Webhooks;

[Collection(AppCollection.Name)]
public sealed class GenericWebhookTests(AzuriteFixture azurite) : ChannelWebhookTests(azurite, "gen")
{
    private const string Tenant = "generictests";
    private const string Secret = "generic-test-secret-0001";

    private protected override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        [$"Channels:{Channel}:Platform"] = "generic",
        [$"Channels:{Channel}:Tenant"] = Tenant,
        [$"Channels:{Channel}:Secret"] = Secret,
    };

    [Fact]
    public async Task A_signed_batch_is_answered_with_the_count_and_each_signal_is_listed()
    {
        using var client = App.CreateAdminClient();
        const string body = """
            [{"id":"crm-1","kind":"message","actor":{"id":"cust-42","name":"Ann"},"text":"The parcel arrived broken","occurredAt":"2026-11-03T10:04:05+08:00"},
             {"id":"crm-2","kind":"order","actor":{"id":"cust-7"},"text":null,"occurredAt":"2026-11-03T02:00:00Z","attributes":{"orderId":"A123"}}]
            """;

        var response = await PostAsync(client, body, Sign(Now(), body, Secret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"accepted":2}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var signals = await Eventually.WaitAsync(() => ListSignalsAsync(client), s => s.GetArrayLength() >= 2, TimeSpan.FromSeconds(10));
        Assert.Equal(2, signals.GetArrayLength());
        var message = signals.EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "message");
        Assert.Equal("generic", message.GetProperty("platform").GetString());
        Assert.Equal(Tenant, message.GetProperty("tenant").GetString());
        Assert.Equal("cust-42", message.GetProperty("actor").GetProperty("id").GetString());
        Assert.Equal("The parcel arrived broken", message.GetProperty("text").GetString());
        var order = signals.EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "order");
        Assert.Equal("cust-7", order.GetProperty("actor").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_forged_signature_is_rejected_with_401_and_nothing_is_stored()
    {
        using var client = App.CreateAdminClient();
        const string body = """{"id":"crm-9","kind":"message","actor":{"id":"cust-1"},"text":"hi","occurredAt":"2026-11-03T02:00:00Z"}""";

        var response = await PostAsync(client, body, Sign(Now(), body, "guessed-secret-guessed"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingStoredAsync(client);
    }

    [Fact]
    public async Task An_invalid_envelope_is_rejected_with_400_listing_the_paths_and_nothing_is_stored()
    {
        using var client = App.CreateAdminClient();
        const string body = """[{"id":"ok","kind":"message","actor":{"id":"c"},"text":"x","occurredAt":"2026-11-03T02:00:00Z"},{"id":"bad","kind":"chat","actor":{"id":"c"},"text":"x","occurredAt":"2026-11-03T02:00:00Z"}]""";

        var response = await PostAsync(client, body, Sign(Now(), body, Secret));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("$[1].kind: expected one of", error.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(client);
    }

    [Fact]
    public async Task Get_is_not_allowed()
    {
        using var client = App.CreateClient();

        var response = await client.GetAsync($"/api/webhooks/{Channel}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private static string Now() => TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>(timestamp, "sha256=" + lower-hex HMAC-SHA256(secret, timestamp + "." + body)), written out from docs/platforms/generic.md.</summary>
    private static (string Timestamp, string Signature) Sign(string timestamp, string body, string secret) =>
        (timestamp, "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body))));

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, string body, (string Timestamp, string Signature) signed)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/{Channel}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Triggers-Timestamp", signed.Timestamp);
        request.Headers.Add("X-Triggers-Signature", signed.Signature);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private async Task AssertNothingStoredAsync(HttpClient client)
    {
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        Assert.Equal(0, (await ListSignalsAsync(client)).GetArrayLength());
        Assert.Equal(0, await TestStorage.DedupeMarkerCountAsync(Azurite, Channel, TestContext.Current.CancellationToken));
    }
}
