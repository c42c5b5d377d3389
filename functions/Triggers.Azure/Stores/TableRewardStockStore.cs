using Azure;
using Azure.Data.Tables;
using Triggers.Core.Coins;

namespace Triggers.Azure.Stores;

/// <summary>
/// Table <c>RewardStock</c>, written by the app only (staff edit <c>Rewards</c>): one partition per reward,
/// PartitionKey <c>{tenant}|{reward}</c>; RowKey <c>count</c> holds <c>Claimed</c>, RowKey <c>h|{redemption id}</c> each
/// redemption's hold (<c>Held</c>). A hold and the count it changes are one entity-group transaction.
/// </summary>
public sealed class TableRewardStockStore(TableServiceClient tables) : IRewardStockStore
{
    private const string CountRow = "count";
    private const string HoldPrefix = "h|";

    private readonly TableClient _table = tables.GetTableClient(TableNames.RewardStock);

    public async Task<StockCount> GetCountAsync(string tenant, string reward, CancellationToken cancellationToken)
    {
        var entity = await _table.GetOrNullAsync(KeyParts.Join(tenant, reward), CountRow, null, cancellationToken);
        return entity is null ? new StockCount(0, null) : new StockCount(entity.GetInt64("Claimed") ?? 0, entity.ETag.ToString());
    }

    public async Task<StockHold?> GetHoldAsync(string tenant, string reward, string hold, CancellationToken cancellationToken)
    {
        var entity = await _table.GetOrNullAsync(KeyParts.Join(tenant, reward), HoldKey(hold), null, cancellationToken);
        return entity is null ? null : new StockHold(hold, entity.GetBoolean("Held") ?? false, entity.ETag.ToString());
    }

    public Task<bool> TryHoldAsync(string tenant, string reward, string hold, StockCount next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        var partition = KeyParts.Join(tenant, reward);
        return SubmitAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, Hold(partition, hold, held: true)),
            CountAction(partition, tenant, reward, next),
        ], cancellationToken);
    }

    public Task<bool> TryReleaseAsync(string tenant, string reward, StockHold hold, StockCount next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hold);
        ArgumentNullException.ThrowIfNull(next);
        var partition = KeyParts.Join(tenant, reward);
        return SubmitAsync(
        [
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, Hold(partition, hold.Id, held: false), new ETag(hold.Version)),
            CountAction(partition, tenant, reward, next),
        ], cancellationToken);
    }

    private async Task<bool> SubmitAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            await _table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is StorageStatus.Conflict or StorageStatus.PreconditionFailed or StorageStatus.NotFound)
        {
            return false;
        }
    }

    private static TableTransactionAction CountAction(string partition, string tenant, string reward, StockCount next)
    {
        var count = new TableEntity(partition, CountRow) { ["Tenant"] = tenant, ["Reward"] = reward, ["Claimed"] = next.Claimed };
        return next.Version is null
            ? new TableTransactionAction(TableTransactionActionType.Add, count)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, count, new ETag(next.Version));
    }

    private static TableEntity Hold(string partition, string hold, bool held) => new(partition, HoldKey(hold)) { ["Hold"] = hold, ["Held"] = held };

    private static string HoldKey(string hold) => HoldPrefix + KeyParts.Escape(hold);
}
