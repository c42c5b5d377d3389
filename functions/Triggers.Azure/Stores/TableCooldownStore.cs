using Azure;
using Azure.Data.Tables;
using Triggers.Core.Processing;
using Triggers.Core.Rules;

namespace Triggers.Azure.Stores;

/// <summary>
/// Table <c>Cooldowns</c>: PartitionKey = <c>tenant|rule</c>, RowKey = contact, with <c>LastFiredAt</c> and
/// <c>SignalId</c>. Writes are insert-if-absent or ETag-guarded replaces, so two workers cannot both fire.
/// </summary>
public sealed class TableCooldownStore(TableServiceClient tables) : ICooldownStore
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.Cooldowns);

    public async Task<CooldownRecord?> GetAsync(string tenant, string ruleId, string contact, CancellationToken cancellationToken)
    {
        var entity = await _table.GetOrNullAsync(PartitionKey(tenant, ruleId), RowKey(contact), null, cancellationToken);
        if (entity?.GetDateTimeOffset("LastFiredAt") is not { } lastFiredAt || entity.GetString("SignalId") is not { } signalId)
        {
            return null;
        }

        return new CooldownRecord(new CooldownEntry(lastFiredAt, signalId), entity.ETag.ToString());
    }

    public async Task<bool> TryWriteAsync(
        string tenant, string ruleId, string contact, CooldownEntry entry, string? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var entity = new TableEntity(PartitionKey(tenant, ruleId), RowKey(contact))
        {
            ["LastFiredAt"] = entry.LastFiredAt.ToUniversalTime(),
            ["SignalId"] = entry.SignalId,
            ["Contact"] = contact,
        };
        try
        {
            if (expectedVersion is null)
            {
                await _table.AddEntityAsync(entity, cancellationToken);
            }
            else
            {
                await _table.UpdateEntityAsync(entity, new ETag(expectedVersion), TableUpdateMode.Replace, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is StorageStatus.Conflict or StorageStatus.PreconditionFailed or StorageStatus.NotFound)
        {
            return false;
        }
    }

    internal static string PartitionKey(string tenant, string ruleId) => $"{tenant}|{ruleId}";

    /// <summary>Contact ids are platform ids; escape the few characters table keys forbid.</summary>
    internal static string RowKey(string contact) =>
        contact.AsSpan().ContainsAny(['/', '\\', '#', '?', '%']) || contact.Any(char.IsControl) ? Uri.EscapeDataString(contact) : contact;
}
