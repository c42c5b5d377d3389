using Azure;
using Azure.Data.Tables;
using Triggers.Core.Processing;
using Triggers.Core.Touchpoints;

namespace Triggers.Azure.Stores;

/// <summary>
/// Touchpoints in table <c>Touchpoints</c>: PartitionKey = tenant, RowKey = touchpoint id. Every query reads inside one
/// tenant partition; Status, times and contact are plain properties, so the service scans the partition and filters it
/// server-side (cost grows with the tenant's stored touchpoints, see docs/tables.md).
/// </summary>
public sealed class TableTouchpointStore(TableServiceClient tables) : ITouchpointStore
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.Touchpoints);

    public async Task<Touchpoint?> TryAddAsync(Touchpoint touchpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        try
        {
            var response = await _table.AddEntityAsync(TouchpointEntities.ToEntity(touchpoint), cancellationToken);
            return touchpoint with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException ex) when (ex.Status == StorageStatus.Conflict)
        {
            return null;
        }
    }

    public async Task<Touchpoint?> GetAsync(string tenant, string id, CancellationToken cancellationToken)
    {
        var entity = await _table.GetOrNullAsync(tenant, id, null, cancellationToken);
        return entity is null ? null : TouchpointEntities.FromEntity(entity);
    }

    public async Task<IReadOnlyList<Touchpoint>> ListAsync(string tenant, string? status, int limit, CancellationToken cancellationToken)
    {
        var filter = InTenant(tenant);
        if (status is not null)
        {
            filter += TableClient.CreateQueryFilter($" and Status eq {status}");
        }

        var results = await QueryAsync(filter, cancellationToken);
        return [.. results.OrderBy(t => t.DueAt).ThenBy(t => t.Id, StringComparer.Ordinal).Take(limit)];
    }

    /// <remarks>
    /// Two filters simple enough for Azurite, each a scan of the tenant partition. Planned: <c>WakeAt le now or DueAt le
    /// now</c> is a superset of "NextLookAt has come" that needs no null test (rows without WakeAt match on DueAt), and the
    /// exact rule is applied here. Sending: all of them (a handful in flight), kept when the lease has expired or is missing,
    /// so a claim written without a lease cannot strand a touchpoint.
    /// </remarks>
    public async Task<IReadOnlyList<Touchpoint>> ListDueAsync(string tenant, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var planned = await QueryAsync(
            InTenant(tenant) + TableClient.CreateQueryFilter($" and Status eq {TouchpointStatus.Planned} and (WakeAt le {now} or DueAt le {now})"),
            cancellationToken);
        var sending = await QueryAsync(InTenant(tenant) + TableClient.CreateQueryFilter($" and Status eq {TouchpointStatus.Sending}"), cancellationToken);
        return
        [
            .. planned.Where(t => t.NextLookAt <= now)
                .Concat(sending.Where(t => t.LeaseUntil is not { } lease || lease <= now))
                .OrderBy(t => t.NextLookAt)
                .ThenBy(t => t.Id, StringComparer.Ordinal)
                .Take(limit),
        ];
    }

    public async Task<IReadOnlyList<Touchpoint>> ListPendingForContactAsync(string tenant, string channel, string contact, CancellationToken cancellationToken)
    {
        var filter = InTenant(tenant) + TableClient.CreateQueryFilter($" and Status eq {TouchpointStatus.Planned}")
            + TableClient.CreateQueryFilter($" and Channel eq {channel} and Contact eq {contact}");
        var results = await QueryAsync(filter, cancellationToken);
        return [.. results.OrderBy(t => t.NextLookAt).ThenBy(t => t.Id, StringComparer.Ordinal)];
    }

    /// <remarks>A scan of the tenant partition for a non-empty <c>PendingEvents</c>; rows without the column do not match.</remarks>
    public async Task<IReadOnlyList<Touchpoint>> ListWithPendingEventsAsync(string tenant, CancellationToken cancellationToken) =>
        await QueryAsync(InTenant(tenant) + " and PendingEvents gt ''", cancellationToken);

    /// <exception cref="ArgumentException">The touchpoint has no <see cref="Touchpoint.Version"/>: it was not read from the store.</exception>
    public async Task<Touchpoint?> TryReplaceAsync(Touchpoint touchpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        if (touchpoint.Version is not { Length: > 0 } version)
        {
            throw new ArgumentException($"Touchpoint '{touchpoint.Id}' has no Version; replace only what was read from the store.", nameof(touchpoint));
        }

        try
        {
            var response = await _table.UpdateEntityAsync(TouchpointEntities.ToEntity(touchpoint), new ETag(version), TableUpdateMode.Replace, cancellationToken);
            return touchpoint with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException ex) when (ex.Status is StorageStatus.PreconditionFailed or StorageStatus.NotFound)
        {
            // Someone else changed (or removed) it since it was read; the caller re-reads and decides again.
            return null;
        }
    }

    private static string InTenant(string tenant) => TableClient.CreateQueryFilter($"PartitionKey eq {tenant}");

    private async Task<List<Touchpoint>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var results = new List<Touchpoint>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, 1000, null, cancellationToken))
        {
            results.Add(TouchpointEntities.FromEntity(entity));
        }

        return results;
    }
}
