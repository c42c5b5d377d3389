using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Triggers.Testing;

namespace Triggers.App.Tests.Infrastructure;

/// <summary>Posting signals through a generic channel as a brand's system would, and writing rules into table Rules.</summary>
internal static class GenericWebhook
{
    /// <summary>Signs the body as docs/platforms/generic.md says: sha256=hex(HMAC-SHA256(secret, timestamp + "." + body)).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string channel, string secret, string body, CancellationToken ct)
    {
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/{channel}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Triggers-Timestamp", timestamp);
        request.Headers.Add("X-Triggers-Signature", signature);
        return await client.SendAsync(request, ct);
    }

    /// <summary>An enabled rule written straight into table Rules, as operations staff would with Storage Explorer.</summary>
    public static async Task AddRuleAsync(AzuriteFixture azurite, string tenant, string id, string when, string then, CancellationToken ct)
    {
        var rules = TestStorage.Table(azurite, "Rules");
        await rules.CreateIfNotExistsAsync(ct);
        await rules.UpsertEntityAsync(
            new TableEntity(tenant, id) { ["Enabled"] = true, ["Priority"] = 10, ["When"] = when, ["Then"] = then, ["Description"] = id },
            TableUpdateMode.Replace,
            ct);
    }
}
