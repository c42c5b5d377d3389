using Triggers.Azure.Stores;
using Triggers.Azure.Tables;
using Triggers.Core.Signals;
using Triggers.Testing;

namespace Triggers.Azure.Tests.Stores;

internal static class StoreTestData
{
    public static async Task<TableServiceClient> TablesAsync(AzuriteFixture azurite)
    {
        var tables = new TableServiceClient(azurite.Connection);
        foreach (var name in TableNames.All)
        {
            await tables.GetTableClient(name).CreateIfNotExistsAsync(CancellationToken.None);
        }

        return tables;
    }

    public static Signal Signal(string channel, string dedupeKey, DateTimeOffset occurredAt, string? text = "hello") => new()
    {
        Id = SignalIds.Create("default", channel, dedupeKey),
        Channel = channel,
        Platform = "wechat",
        Tenant = "default",
        Kind = SignalKinds.Message,
        Type = "text",
        Actor = new SignalActor("openid-" + dedupeKey, "Name " + dedupeKey),
        Text = text,
        OccurredAt = occurredAt,
        ReceivedAt = occurredAt.AddSeconds(1),
        DedupeKey = dedupeKey,
        Raw = "<xml><MsgId>" + dedupeKey + "</MsgId></xml>",
        RawFormat = "xml",
        Attributes = new Dictionary<string, string> { ["ToUserName"] = "gh_1" },
    };
}
