using System.Globalization;
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
public sealed class KuaishouWebhookTests(AzuriteFixture azurite) : ChannelWebhookTests(azurite, "ks")
{
    private const string Tenant = "kuaishoutests";
    private const string AppSecret = "secret-test";
    private const string AppId = "ks707065143182423884";

    /// <summary>The test event of platforms.md §6; its kwaisign was computed with Python's hashlib (self-computed, not official).</summary>
    private const string TestEvent = """{"event":"TEST","message_id":"m1"}""";
    private const string TestEventSignature = "73607fc47a7be19887b464fbcb27e66f";

    private protected override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        [$"Channels:{Channel}:Platform"] = "kuaishou",
        [$"Channels:{Channel}:Tenant"] = Tenant,
        [$"Channels:{Channel}:AppSecret"] = AppSecret,
        [$"Channels:{Channel}:AppId"] = AppId,
    };

    [Fact]
    public async Task Test_event_is_answered_with_result_1_and_the_message_id()
    {
        using var client = App.CreateClient();

        var response = await PostAsync(client, TestEvent, TestEventSignature);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"result":1,"message_id":"m1"}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Signed_live_comment_with_a_fresh_timestamp_becomes_danmaku_from_the_viewer()
    {
        using var client = App.CreateAdminClient();
        var body = LiveComment(TimeProvider.System.GetUtcNow());

        var response = await PostAsync(client, body, Md5Hex(body + AppSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"result":1}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var signals = await Eventually.WaitAsync(() => ListSignalsAsync(client), s => s.GetArrayLength() > 0, TimeSpan.FromSeconds(10));
        var signal = Assert.Single(signals.EnumerateArray());
        Assert.Equal("kuaishou", signal.GetProperty("platform").GetString());
        Assert.Equal("danmaku", signal.GetProperty("kind").GetString());
        Assert.Equal("viewer-open-id-1", signal.GetProperty("actor").GetProperty("id").GetString());
        Assert.Equal("主播唱得真好", signal.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Stale_timestamp_and_forged_signature_are_rejected_with_401_and_nothing_is_stored()
    {
        using var client = App.CreateAdminClient();
        var stale = LiveComment(TimeProvider.System.GetUtcNow().AddHours(-1));
        var fresh = LiveComment(TimeProvider.System.GetUtcNow());

        var replayed = await PostAsync(client, stale, Md5Hex(stale + AppSecret));
        var forged = await PostAsync(client, fresh, Md5Hex(fresh + "guessed-secret"));

        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        var error = await forged.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("kwaisign", error.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        Assert.Equal(0, (await ListSignalsAsync(client)).GetArrayLength());
    }

    private static string LiveComment(DateTimeOffset at) =>
        $$$"""{"message_id":"ks-live-1","event":"live_comment","app_id":"{{{AppId}}}","timestamp":{{{at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}}},"data":{"open_id":"viewer-open-id-1","content":"主播唱得真好"}}""";

    // MD5(body ‖ secret) written out in the test, independent of the adapter's implementation.
    private static string Md5Hex(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/{Channel}")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("kwaisign", signature);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
