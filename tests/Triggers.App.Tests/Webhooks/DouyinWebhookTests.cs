using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.Webhooks;

[Collection(AppCollection.Name)]
public sealed class DouyinWebhookTests(AzuriteFixture azurite) : ChannelWebhookTests(azurite, "dy")
{
    private const string Tenant = "douyintests";
    private const string Secret = "test_secret";

    /// <summary>The official Go example's body; its signature with "test_secret" was computed with Python's hashlib (self-computed, not official).</summary>
    private const string VerifyBody = """{"event":"verify_webhook","client_key":"abc","content":{"challenge":12345}}""";
    private const string VerifySignature = "ff779a3b9e9daa2d1484d22450cd02e9fcfc4e62";

    private const string MessageBody = """{"event":"im_receive_msg","client_key":"asdfavetgbvasf","from_user_id":"aaa-ae9b-4dbf-add1-bf67e4093fab","to_user_id":"aaa-7ae0-4399-914a-5eb1df5861ba","content":"{\"conversation_type\":1,\"create_time\":1681303285997,\"message_type\":\"text\",\"text\":\"捷途70 还有现车吗\"}"}""";

    private protected override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        [$"Channels:{Channel}:Platform"] = "douyin",
        [$"Channels:{Channel}:Tenant"] = Tenant,
        [$"Channels:{Channel}:ClientSecret"] = Secret,
    };

    [Fact]
    public async Task Url_verification_is_answered_with_the_challenge_as_json()
    {
        using var client = App.CreateClient();

        var response = await PostAsync(client, VerifyBody, VerifySignature);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"challenge":12345}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Signed_private_message_is_acknowledged_and_listed_once_as_a_message_even_when_posted_twice()
    {
        using var client = App.CreateAdminClient();
        var signature = Sha1Hex(Secret, MessageBody);

        var first = await PostAsync(client, MessageBody, signature, msgId: "dy-msg-1");
        var second = await PostAsync(client, MessageBody, signature, msgId: "dy-msg-1");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(string.Empty, await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var signals = await Eventually.WaitAsync(() => ListSignalsAsync(client), s => s.GetArrayLength() > 0, TimeSpan.FromSeconds(10));
        var signal = Assert.Single(signals.EnumerateArray());
        Assert.Equal("douyin", signal.GetProperty("platform").GetString());
        Assert.Equal(Tenant, signal.GetProperty("tenant").GetString());
        Assert.Equal("message", signal.GetProperty("kind").GetString());
        Assert.Equal("aaa-ae9b-4dbf-add1-bf67e4093fab", signal.GetProperty("actor").GetProperty("id").GetString());
        Assert.Equal("捷途70 还有现车吗", signal.GetProperty("text").GetString());
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1681303285997), signal.GetProperty("occurredAt").GetDateTimeOffset());

        await Task.Delay(1500, TestContext.Current.CancellationToken);
        Assert.Equal(1, (await ListSignalsAsync(client)).GetArrayLength());
    }

    [Fact]
    public async Task An_authentic_push_replayed_with_its_unsigned_msg_id_changed_or_removed_stores_nothing_new()
    {
        // Msg-Id is a header: the signature covers the body only, so whoever saw one request can resend it with any Msg-Id.
        using var client = App.CreateAdminClient();
        var signature = Sha1Hex(Secret, MessageBody);
        var ct = TestContext.Current.CancellationToken;

        var responses = new[]
        {
            await PostAsync(client, MessageBody, signature, msgId: "dy-original"),
            await PostAsync(client, MessageBody, signature, msgId: "dy-replayed-with-a-new-id"),
            await PostAsync(client, MessageBody, signature, msgId: null),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await Eventually.WaitAsync(() => ListSignalsAsync(client), s => s.GetArrayLength() > 0, TimeSpan.FromSeconds(10));
        await Task.Delay(1500, ct);
        Assert.Single((await ListSignalsAsync(client)).EnumerateArray());
        Assert.Equal(1, await TestStorage.DedupeMarkerCountAsync(Azurite, Channel, ct));
    }

    [Fact]
    public async Task Douyins_retry_of_a_push_with_a_new_log_id_is_the_same_signal_and_a_different_message_is_a_new_one()
    {
        using var client = App.CreateAdminClient();
        var ct = TestContext.Current.CancellationToken;
        var first = MessageBody.Replace("\"content\"", "\"log_id\":\"log-1\",\"content\"", StringComparison.Ordinal);
        var retry = MessageBody.Replace("\"content\"", "\"log_id\":\"log-2\",\"content\"", StringComparison.Ordinal);
        var other = MessageBody.Replace("1681303285997", "1681303299000", StringComparison.Ordinal);

        foreach (var body in (string[])[first, retry, other])
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, body, Sha1Hex(Secret, body))).StatusCode);
        }

        var signals = await Eventually.WaitAsync(() => ListSignalsAsync(client), s => s.GetArrayLength() >= 2, TimeSpan.FromSeconds(10));
        await Task.Delay(1500, ct);
        Assert.Equal(2, (await ListSignalsAsync(client)).GetArrayLength());
        Assert.Equal(2, signals.GetArrayLength());
    }

    [Fact]
    public async Task Forged_signature_is_rejected_with_401_and_nothing_is_stored()
    {
        using var client = App.CreateAdminClient();
        var forged = Sha1Hex("not_the_secret", MessageBody);

        var response = await PostAsync(client, MessageBody, forged, msgId: "dy-forged");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("X-Douyin-Signature", error.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        Assert.Equal(0, (await ListSignalsAsync(client)).GetArrayLength());
        Assert.Equal(0, await TestStorage.DedupeMarkerCountAsync(Azurite, Channel, TestContext.Current.CancellationToken));
    }

    // SHA1(secret ‖ body) written out in the test, independent of the adapter's implementation.
    private static string Sha1Hex(string secret, string body) =>
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(secret + body)));

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string signature, string? msgId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/{Channel}")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Douyin-Signature", signature);
        if (msgId is not null)
        {
            request.Headers.Add("Msg-Id", msgId);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
