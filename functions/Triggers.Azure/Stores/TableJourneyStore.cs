using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Triggers.Core.Portfolio;

namespace Triggers.Azure.Stores;

/// <summary>
/// Table <c>Journeys</c>: PartitionKey = tenant (escaped), RowKey = the person's id (or the account, for one linked to
/// nobody; escaped); <c>Steps</c> holds the quadrants moved through as JSON (<c>[{"quadrant","at"}]</c>). Writes are
/// ETag-guarded, so two workers cannot lose each other's steps.
/// </summary>
public sealed class TableJourneyStore(TableServiceClient tables) : IJourneyStore
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.Journeys);

    public async Task<Journey?> GetAsync(string tenant, string person, CancellationToken cancellationToken)
    {
        var entity = await _table.GetOrNullAsync(KeyParts.Escape(tenant), KeyParts.Escape(person), null, cancellationToken);
        return entity is null ? null : From(tenant, entity);
    }

    public async Task<bool> TrySaveAsync(Journey journey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journey);
        var entity = new TableEntity(KeyParts.Escape(journey.Tenant), KeyParts.Escape(journey.Person))
        {
            ["Person"] = journey.Person, ["Steps"] = JsonSerializer.Serialize(journey.Steps, JsonSerializerOptions.Web),
        };
        try
        {
            await (journey.Version is null
                ? _table.AddEntityAsync(entity, cancellationToken)
                : _table.UpdateEntityAsync(entity, new ETag(journey.Version), TableUpdateMode.Replace, cancellationToken));
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is StorageStatus.Conflict or StorageStatus.PreconditionFailed or StorageStatus.NotFound)
        {
            return false;
        }
    }

    public async IAsyncEnumerable<Journey> ListAsync(string tenant, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var partition = KeyParts.Escape(tenant);
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, 1000, null, cancellationToken))
        {
            yield return From(tenant, entity);
        }
    }

    private static Journey From(string tenant, TableEntity e) => new(
        tenant,
        e.GetString("Person") ?? e.RowKey,
        JsonSerializer.Deserialize<List<JourneyStep>>(e.GetString("Steps") ?? "[]", JsonSerializerOptions.Web) ?? [],
        e.ETag.ToString());
}
