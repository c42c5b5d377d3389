using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Triggers.Core.Contacts;

namespace Triggers.Azure.Stores;

/// <summary>
/// Table <c>SendLedger</c>: PartitionKey = <c>{tenant}|{channel}|{contact}</c> (parts escaped with
/// <see cref="KeyParts.Escape"/>), RowKey = <c>{yyyyMMdd}|{escaped id}</c> with the tenant-local day first, so a cap's
/// count over a day or a week is one range read inside one partition, and a second record of the same id is a no-op.
/// </summary>
public sealed class TableSendLedger(TableServiceClient tables) : ISendLedger
{
    /// <summary>How many whole UTC days back the ledger is kept.</summary>
    public const int KeptDays = 9;

    private readonly TableClient _table = tables.GetTableClient(TableNames.SendLedger);

    public async Task RecordAsync(
        string tenant, string channel, string contact, DateOnly localDay, string id, bool automated, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(PartitionKey(tenant, channel, contact), RowKey(localDay, id))
        {
            ["Id"] = id,
            ["Automated"] = automated,
        };
        try
        {
            await _table.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == StorageStatus.Conflict)
        {
            // Recorded before (a redelivery or a retried dispatch): the first record stands.
        }
    }

    public async Task RemoveAsync(string tenant, string channel, string contact, DateOnly localDay, string id, CancellationToken cancellationToken)
    {
        // Never recorded, or removed already, is success too (the SDK's delete does not fail on 404): either way it no longer counts.
        await _table.DeleteEntityAsync(PartitionKey(tenant, channel, contact), RowKey(localDay, id), ETag.All, cancellationToken);
    }

    public async Task<LedgerTally> TallyAsync(
        string tenant, string channel, string contact, DateOnly day, DateOnly weekFrom, DateOnly weekTo, CancellationToken cancellationToken)
    {
        // Row keys of day D are "D|id", which sort after "D" and before "D+1", so [from, to + 1) covers whole days.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey(tenant, channel, contact)}")
            + TableClient.CreateQueryFilter($" and RowKey ge {Day(weekFrom)} and RowKey lt {Day(weekTo.AddDays(1))}");
        var dayKey = Day(day);
        var tally = default(LedgerTally);
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, 1000, ["RowKey", "Automated"], cancellationToken))
        {
            var automated = entity.GetBoolean("Automated") == true ? 1 : 0;
            var sameDay = entity.RowKey.StartsWith(dayKey, StringComparison.Ordinal) ? 1 : 0;
            tally = new LedgerTally(tally.DayTotal + sameDay, tally.DayAutomated + (sameDay * automated), tally.WeekTotal + 1, tally.WeekAutomated + automated);
        }

        return tally;
    }

    /// <summary>
    /// Removes touches older than any cap looks back: a week, plus two days so no tenant's time zone (UTC-12 to +14)
    /// loses a day it still counts. The hourly purge calls it.
    /// </summary>
    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        TablePurge.DeleteMatchingAsync(_table, TableClient.CreateQueryFilter($"RowKey lt {Day(DateOnly.FromDateTime(now.UtcDateTime).AddDays(-KeptDays))}"), cancellationToken);

    internal static string PartitionKey(string tenant, string channel, string contact) => KeyParts.Join(tenant, channel, contact);

    internal static string RowKey(DateOnly localDay, string id) => $"{Day(localDay)}|{KeyParts.Escape(id)}";

    private static string Day(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
