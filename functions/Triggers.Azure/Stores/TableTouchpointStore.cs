using Triggers.Azure.Storage;
using Triggers.Azure.Tables;
using Triggers.Core.Processing;
using Triggers.Core.Touchpoints;

namespace Triggers.Azure.Stores;

/// <summary>Touchpoints in table <c>Touchpoints</c>: PartitionKey = tenant, RowKey = touchpoint id.</summary>
public sealed class TableTouchpointStore(TableServiceClient tables) : ITouchpointStore
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.Touchpoints);

    public async Task<bool> AddIfAbsentAsync(Touchpoint touchpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        try
        {
            await _table.AddEntityAsync(ToEntity(touchpoint), cancellationToken);
            return true;
        }
        catch (StorageRequestFailedException ex) when (ex.Kind == StorageErrorKind.AlreadyExists)
        {
            return false;
        }
    }

    public async Task<Touchpoint?> GetAsync(string tenant, string id, CancellationToken cancellationToken)
    {
        var entity = await _table.GetEntityAsync(tenant, id, null, cancellationToken);
        return entity is null ? null : FromEntity(entity);
    }

    public async Task<IReadOnlyList<Touchpoint>> ListAsync(string tenant, string? status, int limit, CancellationToken cancellationToken)
    {
        var filter = $"PartitionKey eq {TableFilter.Quote(tenant)}";
        if (status is not null)
        {
            filter += $" and Status eq {TableFilter.Quote(status)}";
        }

        var results = new List<Touchpoint>();
        await foreach (var entity in _table.QueryAsync(filter, null, 1000, cancellationToken))
        {
            results.Add(FromEntity(entity));
        }

        return [.. results.OrderBy(t => t.DueAt).ThenBy(t => t.Id, StringComparer.Ordinal).Take(limit)];
    }

    // Step 0 placeholders: implemented with ETags and due queries in the table-store work package.
    public Task<IReadOnlyList<Touchpoint>> ListDueAsync(string tenant, DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        throw new NotSupportedException("not built yet");

    public Task<IReadOnlyList<Touchpoint>> ListPendingForContactAsync(string tenant, string channel, string contact, CancellationToken cancellationToken) =>
        throw new NotSupportedException("not built yet");

    public Task<Touchpoint?> TryReplaceAsync(Touchpoint touchpoint, CancellationToken cancellationToken) =>
        throw new NotSupportedException("not built yet");

    internal static TableEntity ToEntity(Touchpoint t) => new(t.Tenant, t.Id)
    {
        ["RuleId"] = t.RuleId,
        ["RuleVersion"] = t.RuleVersion,
        ["SignalId"] = t.SignalId,
        ["ActionIndex"] = t.ActionIndex,
        ["Type"] = t.Type,
        ["Channel"] = t.Channel,
        ["Contact"] = t.Contact,
        ["Status"] = t.Status,
        ["DueAt"] = t.DueAt,
        ["PlannedAt"] = t.PlannedAt,
        ["Why"] = t.Why,
        ["Template"] = t.Template,
        ["Text"] = t.Text,
    };

    internal static Touchpoint FromEntity(TableEntity e) => new()
    {
        Id = e.RowKey,
        Tenant = e.PartitionKey,
        RuleId = e.GetString("RuleId") ?? string.Empty,
        RuleVersion = e.GetString("RuleVersion") ?? string.Empty,
        SignalId = e.GetString("SignalId") ?? string.Empty,
        ActionIndex = e.GetInt32("ActionIndex") ?? 0,
        Type = e.GetString("Type") ?? string.Empty,
        Channel = e.GetString("Channel") ?? string.Empty,
        Contact = e.GetString("Contact") ?? string.Empty,
        Status = e.GetString("Status") ?? string.Empty,
        DueAt = e.GetDateTimeOffset("DueAt") ?? default,
        PlannedAt = e.GetDateTimeOffset("PlannedAt") ?? default,
        Why = e.GetString("Why") ?? string.Empty,
        Template = e.GetString("Template"),
        Text = e.GetString("Text"),
    };
}
