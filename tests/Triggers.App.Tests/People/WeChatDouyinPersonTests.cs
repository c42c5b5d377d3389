using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.People;

/// <summary>
/// The acceptance story on real platform webhooks: a WeChat account and a Douyin account linked by an identify signal
/// share one daily cap, and an opt-out on Douyin stops automation on WeChat.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class WeChatDouyinPersonTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string CrmSecret = "crm-secret-000001";
    private const string DouyinSecret = "douyin-client-secret";
    private readonly string _wechat = "wx" + Guid.NewGuid().ToString("N")[..10];
    private readonly string _douyin = "dy" + Guid.NewGuid().ToString("N")[..10];
    private readonly string _crm = "crm" + Guid.NewGuid().ToString("N")[..10];
    private readonly string _tenant = "t" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _openId = "o" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _douyinUser = "d" + Guid.NewGuid().ToString("N")[..12];
    private TriggersAppFactory _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        var settings = TriggersAppFactory.WeChatChannel(_wechat, _tenant);
        settings.Remove($"Channels:{_wechat}:EncodingAesKey");
        settings.Remove($"Channels:{_wechat}:AppId");
        settings[$"Channels:{_douyin}:Platform"] = "douyin";
        settings[$"Channels:{_douyin}:Tenant"] = _tenant;
        settings[$"Channels:{_douyin}:ClientSecret"] = DouyinSecret;
        settings[$"Channels:{_crm}:Platform"] = "generic";
        settings[$"Channels:{_crm}:Tenant"] = _tenant;
        settings[$"Channels:{_crm}:Secret"] = CrmSecret;
        settings[$"Tenants:{_tenant}:Guardrails:QuietHoursEnabled"] = "false";
        settings[$"Tenants:{_tenant}:Guardrails:PerDay"] = "3";
        settings[$"Tenants:{_tenant}:Guardrails:SlackShare"] = "0";
        _app = new TriggersAppFactory(azurite, settings);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_person_on_wechat_and_douyin_linked_by_identify_gets_three_automated_touches_a_day_across_both_and_a_douyin_opt_out_stops_wechat()
    {
        using var client = _app.CreateAdminClient();
        await GenericWebhook.AddRuleAsync(azurite, _tenant, "reply", """{"==":[{"var":"signal.kind"},"message"]}""", """[{"type":"message","text":"收到，稍后回复您","delay":"PT1H","slack":0}]""", Ct);
        await Task.Delay(1500, Ct);
        var identify = new JsonObject
        {
            ["id"] = "crm-1", ["kind"] = "identify", ["actor"] = new JsonObject { ["id"] = "M-crm-row" }, ["text"] = null,
            ["occurredAt"] = TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            ["attributes"] = new JsonObject
            {
                ["member"] = "M-2001",
                ["accounts"] = new JsonArray(new JsonObject { ["platform"] = "wechat", ["id"] = _openId }, new JsonObject { ["platform"] = "douyin", ["id"] = _douyinUser }),
            },
        };
        Assert.True((await GenericWebhook.PostAsync(client, _crm, CrmSecret, identify.ToJsonString(), Ct)).IsSuccessStatusCode);
        await Eventually.WaitAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/admin/contacts/douyin:{_douyinUser}?tenant={_tenant}", Ct), p => p.GetProperty("linked").GetBoolean(), TimeSpan.FromSeconds(15));

        for (var i = 0; i < 5; i++)
        {
            var response = i % 2 == 0 ? await WeChatAsync(client, "你好 " + i, "9000" + i) : await DouyinAsync(client, "在吗 " + i);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
            await Eventually.WaitAsync(() => TouchpointsAsync(client), t => t.GetArrayLength() == i + 1, TimeSpan.FromSeconds(15));
        }

        var touchpoints = (await TouchpointsAsync(client)).EnumerateArray().ToList();
        Assert.Equal(3, touchpoints.Count(t => t.GetProperty("status").GetString() == "planned"));
        Assert.Equal(2, touchpoints.Count(t => t.GetProperty("guardrail").GetString() == "frequency-cap"));
        Assert.Equal(["douyin", "wechat"], touchpoints.Select(t => t.GetProperty("platform").GetString()).Distinct().Order(StringComparer.Ordinal));

        Assert.True((await DouyinAsync(client, "退订")).IsSuccessStatusCode);
        await Eventually.WaitAsync(() => TouchpointsAsync(client), t => t.GetArrayLength() == 6, TimeSpan.FromSeconds(15));
        Assert.True((await WeChatAsync(client, "还有优惠吗", "90009")).IsSuccessStatusCode);
        var all = await Eventually.WaitAsync(() => TouchpointsAsync(client), t => t.GetArrayLength() == 7, TimeSpan.FromSeconds(15));

        var last = all.EnumerateArray().Where(t => t.GetProperty("channel").GetString() == _wechat).MaxBy(t => t.GetProperty("plannedAt").GetDateTimeOffset());
        Assert.Equal(("blocked", "consent"), (last.GetProperty("status").GetString(), last.GetProperty("guardrail").GetString()));
        Assert.Contains($"the same person ({_douyinUser} on {_douyin}) opted out", last.GetProperty("statusReason").GetString(), StringComparison.Ordinal);
    }

    /// <summary>A WeChat text message in plain mode, signed as WeChat signs it: SHA1 over the sorted token, timestamp and nonce.</summary>
    private Task<HttpResponseMessage> WeChatAsync(HttpClient client, string text, string msgId)
    {
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        const string nonce = "31415926";
        string[] parts = [WeChatVectors.Token, timestamp, nonce];
        Array.Sort(parts, StringComparer.Ordinal);
        var signature = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
        var body = $"<xml><ToUserName><![CDATA[gh_brand]]></ToUserName><FromUserName><![CDATA[{_openId}]]></FromUserName>" +
                   $"<CreateTime>{timestamp}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{text}]]></Content><MsgId>{msgId}</MsgId></xml>";
        return client.PostAsync($"/api/webhooks/{_wechat}?signature={signature}&timestamp={timestamp}&nonce={nonce}", new StringContent(body, Encoding.UTF8, "text/xml"), Ct);
    }

    /// <summary>A Douyin private message, signed as Douyin signs it: SHA1 over the client secret and the body.</summary>
    private async Task<HttpResponseMessage> DouyinAsync(HttpClient client, string text)
    {
        var content = new JsonObject
        {
            ["conversation_type"] = 1, ["create_time"] = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(), ["message_type"] = "text", ["text"] = text,
        }.ToJsonString();
        var body = new JsonObject
        {
            ["event"] = "im_receive_msg", ["client_key"] = "brand-key", ["from_user_id"] = _douyinUser, ["to_user_id"] = "brand", ["content"] = content,
        }.ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/{_douyin}") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Douyin-Signature", Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(DouyinSecret + body))));
        return await client.SendAsync(request, Ct);
    }

    private async Task<JsonElement> TouchpointsAsync(HttpClient client) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/admin/touchpoints?tenant={_tenant}&limit=100", Ct);
}
