using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.Webhooks;

[Collection(AppCollection.Name)]
public sealed class WeChatWebhookTests(AzuriteFixture azurite) : ChannelWebhookTests(azurite, "wx")
{
    // Each test gets its own channel, so the official vector is a new signal for each of them.
    private const string Tenant = "webhooktests";

    private protected override IReadOnlyDictionary<string, string?> Settings() => TriggersAppFactory.WeChatChannel(Channel, Tenant);

    [Fact]
    public async Task The_official_verification_request_is_answered_with_the_echostr()
    {
        using var client = App.CreateClient();

        var response = await client.GetAsync($"/api/webhooks/{Channel}?{WeChatVectors.VerifyQuery}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(WeChatVectors.VerifyEchoStr, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_safe_mode_message_is_acknowledged_and_then_listed_once_even_when_posted_twice()
    {
        using var client = App.CreateAdminClient();

        var first = await PostSafeModeAsync(client, WeChatVectors.SafeModeQuery);
        var second = await PostSafeModeAsync(client, WeChatVectors.SafeModeQuery);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("success", await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var signals = await Eventually.WaitAsync(() => ListSignalsAsync(client), s => s.GetArrayLength() > 0, TimeSpan.FromSeconds(5));
        var signal = Assert.Single(signals.EnumerateArray());
        Assert.Equal(Channel, signal.GetProperty("channel").GetString());
        Assert.Equal("wechat", signal.GetProperty("platform").GetString());
        Assert.Equal(Tenant, signal.GetProperty("tenant").GetString());
        Assert.Equal("event", signal.GetProperty("kind").GetString());
        // An order or event carries no customer text.
        Assert.Equal(System.Text.Json.JsonValueKind.Null, signal.GetProperty("text").ValueKind);
        Assert.Equal(WeChatVectors.OpenId, signal.GetProperty("actor").GetProperty("id").GetString());
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1714112445), signal.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.Equal("neutral", signal.GetProperty("sentiment").GetProperty("label").GetString());

        // Give a redelivered copy time to be processed, then check there is still one.
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        Assert.Equal(1, (await ListSignalsAsync(client)).GetArrayLength());
    }

    [Fact]
    public async Task A_one_character_change_to_msg_signature_is_rejected_with_401_and_nothing_is_stored()
    {
        using var client = App.CreateAdminClient();
        var forged = WeChatVectors.SafeModeQuery.Replace("msg_signature=046e", "msg_signature=146e", StringComparison.Ordinal);

        var response = await PostSafeModeAsync(client, forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("signature", error.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        Assert.Equal(0, (await ListSignalsAsync(client)).GetArrayLength());
        Assert.Equal(0, await TestStorage.DedupeMarkerCountAsync(Azurite, Channel, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_body_over_the_size_cap_is_rejected_with_413()
    {
        using var client = App.CreateClient();
        var huge = new string('x', 64 * 1024 + 1);

        var response = await client.PostAsync(
            $"/api/webhooks/{Channel}?{WeChatVectors.SafeModeQuery}",
            new StringContent(huge, Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("multipart/form-data")]
    [InlineData(null)]
    public async Task A_body_labelled_with_a_content_type_wechat_never_sends_is_refused_with_415(string? contentType)
    {
        using var client = App.CreateAdminClient();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(WeChatVectors.SafeModeBody));
        if (contentType is not null)
        {
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        var response = await client.PostAsync($"/api/webhooks/{Channel}?{WeChatVectors.SafeModeQuery}", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.Equal(0, (await ListSignalsAsync(client)).GetArrayLength());
    }

    [Fact]
    public async Task An_unconfigured_channel_gets_404_naming_the_setting_to_add()
    {
        using var client = App.CreateClient();

        var response = await client.PostAsync("/api/webhooks/nosuch", new StringContent("{}"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Channels:nosuch:Platform", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_mode_message_with_a_valid_signature_is_accepted_on_a_plain_mode_channel()
    {
        var settings = TriggersAppFactory.WeChatChannel(Channel, Tenant);
        settings.Remove($"Channels:{Channel}:EncodingAesKey");
        settings.Remove($"Channels:{Channel}:AppId");
        await using var plainApp = new TriggersAppFactory(Azurite, settings);
        using var client = plainApp.CreateClient();

        var response = await client.PostAsync(
            $"/api/webhooks/{Channel}?{WeChatVectors.PlainQuery}",
            new StringContent(WeChatVectors.PlainBody, Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("success", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private Task<HttpResponseMessage> PostSafeModeAsync(HttpClient client, string query) =>
        client.PostAsync(
            $"/api/webhooks/{Channel}?{query}",
            new StringContent(WeChatVectors.SafeModeBody, Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
}
