using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Triggers.App.Tests.Infrastructure;
using Triggers.Core.Analysis;
using Azure.Data.Tables;
using Triggers.Testing;

namespace Triggers.App.Tests.Webhooks;

[Collection(AppCollection.Name)]
public sealed class PassiveReplyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _channel = "pr" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _tenant = "pr" + Guid.NewGuid().ToString("N")[..12];
    private TriggersAppFactory _app = null!;

    public async ValueTask InitializeAsync()
    {
        var settings = TriggersAppFactory.WeChatChannel(_channel, _tenant);
        settings.Remove($"Channels:{_channel}:EncodingAesKey");
        settings.Remove($"Channels:{_channel}:AppId");

        // A passive reply faces every guardrail; these tests are about the reply, whatever the hour they run at.
        settings[$"Tenants:{_tenant}:Guardrails:QuietHoursEnabled"] = "false";
        _app = new TriggersAppFactory(azurite, settings);
        var rules = TestStorage.Table(azurite, "Rules");
        await rules.CreateIfNotExistsAsync(TestContext.Current.CancellationToken);
        await rules.UpsertEntityAsync(new TableEntity(_tenant, "price-question")
        {
            ["Enabled"] = true,
            ["Priority"] = 1,
            ["When"] = """{"in":["价格",{"var":"signal.text"}]}""",
            ["Then"] = """[{"type":"message","text":"您好，价格表已发送，请查收。","reply":"passive"}]""",
        }, TableUpdateMode.Replace, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_rule_asking_for_a_passive_reply_is_answered_in_the_webhook_response_and_recorded_once_as_sent()
    {
        using var client = _app.CreateAdminClient();

        var response = await PostTextAsync(client, "请问价格多少？", msgId: "7001");

        response.EnsureSuccessStatusCode();
        var reply = XElement.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("text", reply.Element("MsgType")!.Value);
        Assert.Equal("您好，价格表已发送，请查收。", reply.Element("Content")!.Value);
        Assert.Equal("user-openid", reply.Element("ToUserName")!.Value);
        Assert.Equal("gh_account", reply.Element("FromUserName")!.Value);
        // The worker processes the signal too; it must find the touchpoint already recorded, not plan another.
        await Eventually.WaitAsync(() => ListSignalsAsync(client), s => s.GetArrayLength() > 0, TimeSpan.FromSeconds(5));
        await Task.Delay(500, TestContext.Current.CancellationToken);
        var touchpoints = await client.GetFromJsonAsync<JsonElement>($"/api/admin/touchpoints?tenant={_tenant}", TestContext.Current.CancellationToken);
        var touchpoint = Assert.Single(touchpoints.EnumerateArray());
        Assert.Equal("sent", touchpoint.GetProperty("status").GetString());
        Assert.Equal("price-question", touchpoint.GetProperty("ruleId").GetString());

        // The webhook left the event unpublished (no broker in its budget); the worker publishes it, well before the sweep.
        var events = await Eventually.WaitAsync(
            () => TestStorage.TouchpointEventsAsync(azurite, _tenant, TestContext.Current.CancellationToken), e => e.Count > 0, TimeSpan.FromSeconds(20));
        Assert.Equal(["triggers.touchpoint.sent"], events.Select(e => (string)e["type"]!));
    }

    [Fact]
    public async Task A_message_no_passive_rule_matches_is_answered_with_success()
    {
        using var client = _app.CreateClient();

        var response = await PostTextAsync(client, "你好", msgId: "7002");

        Assert.Equal("success", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task When_deciding_the_passive_reply_fails_the_webhook_still_stores_the_signal_and_gives_the_default_answer()
    {
        await using var broken = _app.WithWebHostBuilder(b => b.ConfigureTestServices(
            services => services.AddSingleton<ITextAnalyzer>(new FailingAnalyzer())));
        using var client = broken.CreateClient();

        var response = await PostTextAsync(client, "请问价格多少？", msgId: "7003");

        Assert.Equal("success", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, await TestStorage.DedupeMarkerCountAsync(azurite, _channel, TestContext.Current.CancellationToken));
    }

    private Task<HttpResponseMessage> PostTextAsync(HttpClient client, string text, string msgId)
    {
        // Sent now: a passive reply faces the platform's contact window like any message, and a just-written message opens it.
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var nonce = "486452656";
        // Plain-mode signature: SHA1 over the ordinally sorted token, timestamp and nonce.
        string[] parts = [WeChatVectors.Token, timestamp, nonce];
        Array.Sort(parts, StringComparer.Ordinal);
        var signature = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
        var body = $"<xml><ToUserName><![CDATA[gh_account]]></ToUserName><FromUserName><![CDATA[user-openid]]></FromUserName>" +
                   $"<CreateTime>{timestamp}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{text}]]></Content><MsgId>{msgId}</MsgId></xml>";
        return client.PostAsync(
            $"/api/webhooks/{_channel}?signature={signature}&timestamp={timestamp}&nonce={nonce}",
            new StringContent(body, Encoding.UTF8, "text/xml"),
            TestContext.Current.CancellationToken);
    }

    private async Task<JsonElement> ListSignalsAsync(HttpClient client) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/admin/signals?channel={_channel}", TestContext.Current.CancellationToken);
}
