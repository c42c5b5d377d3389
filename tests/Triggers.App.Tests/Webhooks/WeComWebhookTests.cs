using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.Webhooks;

/// <summary>
/// WeCom through the real HTTP pipeline, with the official vectors of platforms.md §2.4 (recomputed with
/// Python before being pasted) and a customer-contact event encrypted and signed here, not by the adapter.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class WeComWebhookTests(AzuriteFixture azurite) : ChannelWebhookTests(azurite, "wc")
{
    private const string Token = "QDG6eK";
    private const string EncodingAesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private const string CorpId = "wx5823bf96d3bd56c7";
    private const string Tenant = "wecomtests";

    private const string VerifyQuery =
        "msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3&timestamp=1409659589&nonce=263014780" +
        "&echostr=P9nAzCzyDtyTWESHep1vC5X9xho%2FqYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp%2B4RPcs8TgAE7OaBO%2BFZXvnaqQ%3D%3D";

    private const string PostQuery = "msg_signature=477715d11cdb4164915debcba66cb864d751f3e6&timestamp=1409659813&nonce=1372623149";

    private const string PostBody =
        "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==]]></Encrypt>" +
        "<AgentID><![CDATA[218]]></AgentID></xml>";

    private protected override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        [$"Channels:{Channel}:Platform"] = "wecom",
        [$"Channels:{Channel}:Tenant"] = Tenant,
        [$"Channels:{Channel}:Token"] = Token,
        [$"Channels:{Channel}:EncodingAesKey"] = EncodingAesKey,
        [$"Channels:{Channel}:CorpId"] = CorpId,
        // The official vectors are from 2014.
        [$"Channels:{Channel}:ReplayWindow"] = "7300.00:00:00",
    };

    [Fact]
    public async Task The_official_verification_is_answered_with_exactly_the_decrypted_echostr()
    {
        using var client = App.CreateClient();

        var response = await client.GetAsync($"/api/webhooks/{Channel}?{VerifyQuery}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1616140317555161061"u8.ToArray(), await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_official_message_is_acknowledged_and_listed_as_hello_from_mycreate()
    {
        using var client = App.CreateAdminClient();

        var response = await PostAsync(client, PostQuery, PostBody);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("success", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var signal = await SingleSignalAsync(client);
        Assert.Equal("wecom", signal.GetProperty("platform").GetString());
        Assert.Equal("message", signal.GetProperty("kind").GetString());
        Assert.Equal("mycreate", signal.GetProperty("actor").GetProperty("id").GetString());
        Assert.Equal("hello", signal.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_customer_added_by_a_member_is_listed_as_contact_added_with_the_customer_as_actor()
    {
        using var client = App.CreateAdminClient();
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var message =
            $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>{now}</CreateTime>" +
            "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event><ChangeType><![CDATA[add_external_contact]]></ChangeType>" +
            "<UserID><![CDATA[zhangsan]]></UserID><ExternalUserID><![CDATA[woAJ2GCAAAXtWyujaWJHDDGi0mAAAA]]></ExternalUserID></xml>";
        var encrypt = Encrypt(message, CorpId);
        var query = $"msg_signature={Sha1OfSorted(Token, now, "20261122", encrypt)}&timestamp={now}&nonce=20261122";

        var response = await PostAsync(client, query, $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var signal = await SingleSignalAsync(client);
        Assert.Equal("contact_added", signal.GetProperty("kind").GetString());
        Assert.Equal("woAJ2GCAAAXtWyujaWJHDDGi0mAAAA", signal.GetProperty("actor").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_one_character_change_to_msg_signature_is_rejected_with_401_and_nothing_is_stored()
    {
        using var client = App.CreateAdminClient();

        var response = await PostAsync(client, PostQuery.Replace("msg_signature=4777", "msg_signature=5777", StringComparison.Ordinal), PostBody);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("msg_signature", error.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        Assert.Equal(0, (await ListSignalsAsync(client)).GetArrayLength());
    }

    private Task<HttpResponseMessage> PostAsync(HttpClient client, string query, string body) =>
        client.PostAsync($"/api/webhooks/{Channel}?{query}", new StringContent(body, Encoding.UTF8, "text/xml"), TestContext.Current.CancellationToken);

    private async Task<JsonElement> SingleSignalAsync(HttpClient client)
    {
        var signals = await Eventually.WaitAsync(() => ListSignalsAsync(client), s => s.GetArrayLength() > 0, TimeSpan.FromSeconds(10));
        return Assert.Single(signals.EnumerateArray());
    }

    // WXBizMsgCrypt written out here (AES-256-CBC, IV = key[..16], PKCS#7 to 32 bytes), independent of the adapter.
    private static string Encrypt(string message, string receiveId)
    {
        var key = Convert.FromBase64String(EncodingAesKey + "=");
        var body = Encoding.UTF8.GetBytes(message);
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, body.Length);
        var plain = RandomNumberGenerator.GetBytes(16).Concat(length).Concat(body).Concat(Encoding.UTF8.GetBytes(receiveId)).ToList();
        var pad = 32 - (plain.Count % 32);
        plain.AddRange(Enumerable.Repeat((byte)pad, pad));
        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(plain.ToArray(), key[..16], PaddingMode.None));
    }

    private static string Sha1OfSorted(params string[] parts) =>
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts.Order(StringComparer.Ordinal)))));
}
