using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Triggers.Core.Contacts;

namespace Triggers.Azure.Stores;

/// <summary>
/// Table <c>ContactStates</c>: PartitionKey = <c>{tenant}|{channel}</c>, RowKey = contact, each part escaped with
/// <see cref="KeyParts.Escape"/>; the planned-touch index is a JSON column, <c>Planned</c>. Writes are insert-if-absent or ETag-guarded replaces, so two workers updating the same
/// contact cannot overwrite each other: the loser gets null, re-reads and applies its change again.
/// </summary>
public sealed class TableContactStateStore(TableServiceClient tables) : IContactStateStore
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.ContactStates);

    public async Task<ContactState?> GetAsync(string tenant, string channel, string contact, CancellationToken cancellationToken)
    {
        var entity = await _table.GetOrNullAsync(PartitionKey(tenant, channel), KeyParts.Escape(contact), null, cancellationToken);
        return entity is null ? null : FromEntity(entity, tenant, channel, contact);
    }

    public async Task<ContactState?> TryWriteAsync(ContactState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var entity = ToEntity(state);
        try
        {
            var response = state.Version is null
                ? await _table.AddEntityAsync(entity, cancellationToken)
                : await _table.UpdateEntityAsync(entity, new ETag(state.Version), TableUpdateMode.Replace, cancellationToken);
            return state with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException ex) when (ex.Status is StorageStatus.Conflict or StorageStatus.PreconditionFailed or StorageStatus.NotFound)
        {
            return null;
        }
    }

    internal static string PartitionKey(string tenant, string channel) => KeyParts.Join(tenant, channel);

    private static TableEntity ToEntity(ContactState s) => new(PartitionKey(s.Tenant, s.Channel), KeyParts.Escape(s.Contact))
    {
        // The unescaped ids too, so operators can read and filter rows without decoding keys.
        ["Tenant"] = s.Tenant,
        ["Channel"] = s.Channel,
        ["Contact"] = s.Contact,
        ["LastInboundAt"] = s.LastInboundAt,
        ["LastAgentAt"] = s.LastAgentAt,
        ["OptedOut"] = s.OptedOut,
        ["ConsentSource"] = s.ConsentSource,
        ["ConsentChangedAt"] = s.ConsentChangedAt,
        ["Planned"] = s.Planned is null ? null : JsonSerializer.Serialize(s.Planned),
        ["LastTouchedOn"] = s.LastTouchedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static ContactState FromEntity(TableEntity e, string tenant, string channel, string contact) => new()
    {
        Tenant = tenant,
        Channel = channel,
        Contact = contact,
        LastInboundAt = e.GetDateTimeOffset("LastInboundAt"),
        LastAgentAt = e.GetDateTimeOffset("LastAgentAt"),
        OptedOut = e.GetBoolean("OptedOut") ?? false,
        ConsentSource = e.GetString("ConsentSource"),
        ConsentChangedAt = e.GetDateTimeOffset("ConsentChangedAt"),

        // Absent on rows stored before the index existed: planning then reads the touchpoints once and writes it.
        Planned = e.GetString("Planned") is { } planned ? JsonSerializer.Deserialize<List<PlannedTouch>>(planned) : null,
        LastTouchedOn = e.GetString("LastTouchedOn") is { } day ? DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        Version = e.ETag.ToString(),
    };
}
