using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Triggers.Core.People;
using Triggers.Core.Touchpoints;

namespace Triggers.Azure.Stores;

/// <summary>A signal or a sent touch read for the control lines, with its account; the caller maps accounts to persons.</summary>
public sealed record AccountSignal(AccountRef Account, string Platform, string Kind, DateTimeOffset At, decimal Revenue);

public sealed record AccountTouch(string Id, AccountRef Account, string Platform, string RuleId, string Type, DateTimeOffset At, decimal CouponValue);

/// <summary>Coins redeemed from a wallet (<c>{platform}:{id}</c> for an account's own, or a person's id) at a time.</summary>
public sealed record WalletRedemption(string Wallet, DateTimeOffset At, long Coins);

/// <summary>
/// Reads what the control lines count from the data tables: each channel's signals since a time (a range read on the
/// newest-first RowKey), the tenant's touchpoints sent since then (a filtered scan of its partition), and the coins its
/// people redeemed since then (a filtered scan of the tenant's wallet partitions in table Coins).
/// </summary>
public sealed class TableControlLineFacts(TableServiceClient tables)
{
    public async Task<List<AccountSignal>> SignalsAsync(IEnumerable<string> channels, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var table = tables.GetTableClient(TableNames.Signals);
        var facts = new List<AccountSignal>();
        var before = $"{DateTimeOffset.MaxValue.UtcTicks - since.UtcTicks:D19}";
        foreach (var channel in channels)
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {channel} and RowKey lt {before}");
            await foreach (var e in table.QueryAsync<TableEntity>(filter, 1000, ["Platform", "ActorId", "Kind", "OccurredAt", "Attributes"], cancellationToken))
            {
                var platform = e.GetString("Platform") ?? string.Empty;
                var kind = e.GetString("Kind") ?? string.Empty;
                facts.Add(new AccountSignal(new AccountRef(platform, e.GetString("ActorId") ?? string.Empty), platform, kind, e.GetDateTimeOffset("OccurredAt") ?? since,
                    kind == "order" ? Amount(e.GetString("Attributes")) : 0));
            }
        }

        return facts;
    }

    public async Task<List<AccountTouch>> TouchesAsync(string tenant, Func<string, string?> platformOf, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platformOf);
        var table = tables.GetTableClient(TableNames.Touchpoints);
        var facts = new List<AccountTouch>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenant} and Status eq {TouchpointStatus.Sent} and SentAt ge {since}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, 1000, ["RowKey", "Type", "Platform", "ContactPlatform", "Channel", "Contact", "RuleId", "SentAt", "CouponValue"], cancellationToken))
        {
            var platform = e.GetString("Platform") ?? platformOf(e.GetString("Channel") ?? string.Empty) ?? string.Empty;
            var account = new AccountRef(e.GetString("ContactPlatform") ?? platform, e.GetString("Contact") ?? string.Empty);
            facts.Add(new AccountTouch(e.RowKey, account, platform, e.GetString("RuleId") ?? string.Empty, e.GetString("Type") ?? string.Empty, e.GetDateTimeOffset("SentAt") ?? since, Math.Round((decimal)(e.GetDouble("CouponValue") ?? 0), 2)));
        }

        return facts;
    }

    /// <summary>Every applied withdrawal (a reward redeemed) of the tenant's wallets since a time; the wallet comes from the PartitionKey.</summary>
    public async Task<List<WalletRedemption>> RedemptionsAsync(string tenant, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var table = tables.GetTableClient(TableNames.Coins);
        var prefix = KeyParts.Escape(tenant) + "|";
        // Wallet partitions sort between "{tenant}|" and "{tenant}}" ('}' follows '|'); entry rows between "e|" and "e}".
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey gt {prefix} and PartitionKey lt {KeyParts.Escape(tenant) + "}"} and RowKey gt {"e|"} and RowKey lt {"e}"} and Kind eq {Core.Coins.CoinKinds.Withdrawal} and Outcome eq {Core.Coins.CoinOutcomes.Applied} and At gt {since}");
        var facts = new List<WalletRedemption>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, 1000, ["PartitionKey", "At", "Coins"], cancellationToken))
        {
            facts.Add(new WalletRedemption(KeyParts.Unescape(e.PartitionKey[prefix.Length..]), e.GetDateTimeOffset("At") ?? since, -(e.GetInt64("Coins") ?? 0)));
        }

        return facts;
    }

    /// <summary>An order's <c>amount</c> attribute in yuan; 0 when it has none or it is not a number.</summary>
    private static decimal Amount(string? attributes)
    {
        if (attributes is null)
        {
            return 0;
        }

        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(attributes);
        return values?.GetValueOrDefault("amount") is { } text && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) && amount > 0
            ? amount
            : 0;
    }
}
