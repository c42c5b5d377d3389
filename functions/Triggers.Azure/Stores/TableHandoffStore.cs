using Azure;
using Azure.Data.Tables;
using Triggers.Core.Handoffs;

namespace Triggers.Azure.Stores;

/// <summary>
/// Table <c>Handoffs</c>: PartitionKey = tenant, RowKey = hand-off id (the touchpoint id, so a redelivery adds nothing).
/// Claims and closes are ETag-guarded replaces, so two people cannot both claim one contact.
/// </summary>
public sealed class TableHandoffStore(TableServiceClient tables) : IHandoffStore
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.Handoffs);

    public async Task<bool> AddIfAbsentAsync(Handoff handoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        try
        {
            await _table.AddEntityAsync(ToEntity(handoff), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == StorageStatus.Conflict)
        {
            return false;
        }
    }

    public async Task<Handoff?> GetAsync(string tenant, string id, CancellationToken cancellationToken)
    {
        var entity = await _table.GetOrNullAsync(tenant, id, null, cancellationToken);
        return entity is null ? null : FromEntity(entity);
    }

    /// <remarks>
    /// Urgency is a double and the order is two-keyed, which row keys cannot express once urgency changes, so this reads
    /// the tenant's matching rows (one partition, filtered by Status server-side) and sorts them here.
    /// </remarks>
    public async Task<IReadOnlyList<Handoff>> ListAsync(string tenant, string? status, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenant}");
        if (status is not null)
        {
            filter += TableClient.CreateQueryFilter($" and Status eq {status}");
        }

        var results = new List<Handoff>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, 1000, null, cancellationToken))
        {
            results.Add(FromEntity(entity));
        }

        return
        [
            .. results.OrderByDescending(h => h.Urgency)
                .ThenBy(h => h.CreatedAt)
                .ThenBy(h => h.Id, StringComparer.Ordinal)
                .Take(limit),
        ];
    }

    /// <exception cref="ArgumentException">The hand-off has no <see cref="Handoff.Version"/>: it was not read from the store.</exception>
    public async Task<Handoff?> TryReplaceAsync(Handoff handoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        if (handoff.Version is not { Length: > 0 } version)
        {
            throw new ArgumentException($"Hand-off '{handoff.Id}' has no Version; replace only what was read from the store.", nameof(handoff));
        }

        try
        {
            var response = await _table.UpdateEntityAsync(ToEntity(handoff), new ETag(version), TableUpdateMode.Replace, cancellationToken);
            return handoff with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException ex) when (ex.Status is StorageStatus.PreconditionFailed or StorageStatus.NotFound)
        {
            return null;
        }
    }

    private static TableEntity ToEntity(Handoff h) => new(h.Tenant, h.Id)
    {
        ["Channel"] = h.Channel,
        ["Contact"] = h.Contact,
        ["RuleId"] = h.RuleId,
        ["Status"] = h.Status,
        ["Urgency"] = h.Urgency,
        ["CreatedAt"] = h.CreatedAt,
        ["Why"] = h.Why,
        ["ContextJson"] = h.ContextJson,
        ["SuggestedReply"] = h.SuggestedReply,
        ["ClaimedBy"] = h.ClaimedBy,
        ["ClaimedAt"] = h.ClaimedAt,
        ["ClosedAt"] = h.ClosedAt,
        ["ClosedBy"] = h.ClosedBy,
        ["Outcome"] = h.Outcome,
    };

    private static Handoff FromEntity(TableEntity e) => new()
    {
        Id = e.RowKey,
        Tenant = e.PartitionKey,
        Channel = e.GetString("Channel") ?? string.Empty,
        Contact = e.GetString("Contact") ?? string.Empty,
        RuleId = e.GetString("RuleId") ?? string.Empty,
        Status = e.GetString("Status") ?? HandoffStatus.Open,
        Urgency = e.GetDouble("Urgency") ?? 0,
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? default,
        Why = e.GetString("Why") ?? string.Empty,
        ContextJson = e.GetString("ContextJson") ?? "{}",
        SuggestedReply = e.GetString("SuggestedReply"),
        ClaimedBy = e.GetString("ClaimedBy"),
        ClaimedAt = e.GetDateTimeOffset("ClaimedAt"),
        ClosedAt = e.GetDateTimeOffset("ClosedAt"),
        ClosedBy = e.GetString("ClosedBy"),
        Outcome = e.GetString("Outcome"),
        Version = e.ETag == default ? null : e.ETag.ToString(),
    };
}
