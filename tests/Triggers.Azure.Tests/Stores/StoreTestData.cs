using Triggers.Azure.Stores;
using Azure.Data.Tables;
using Triggers.Core.Signals;
using Triggers.Core.Touchpoints;
using Triggers.Testing;

namespace Triggers.Azure.Tests.Stores;

internal static class StoreTestData
{
    public static async Task<TableServiceClient> TablesAsync(AzuriteFixture azurite)
    {
        var tables = azurite.Connection.CreateTableServiceClient();
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

    /// <summary>A planned-style touchpoint with only the original fields set, like rows written before the dispatch columns.</summary>
    public static Touchpoint Touchpoint(string tenant, string id, string status, DateTimeOffset dueAt) => new()
    {
        Id = id,
        Tenant = tenant,
        RuleId = "r1",
        RuleVersion = "v1",
        SignalId = "s1",
        ActionIndex = 0,
        Type = "message",
        Channel = "demo",
        Contact = "openid-1",
        Status = status,
        DueAt = dueAt,
        PlannedAt = dueAt.AddHours(-1),
        Why = "because",
        Text = "hi",
    };
}
