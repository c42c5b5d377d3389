using System.Globalization;
using Azure.Data.Tables;
using Triggers.Core.Coins;
using Triggers.Core.StaffTables;

namespace Triggers.Azure.Stores;

/// <summary>
/// Reads table <c>Rewards</c> (PartitionKey = tenant, RowKey = reward id; <c>Cost</c>, <c>Stock</c>, <c>Enabled</c>,
/// <c>Title</c>, <c>ValidFrom</c>, <c>ValidUntil</c>). Staff edit it by hand, so numbers, booleans and dates written as
/// strings count, and an unreadable row is a problem naming the row and the field, never an exception.
/// </summary>
public sealed class TableRewardSource(TableServiceClient tables) : IRewardSource
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.Rewards);

    public async Task<RewardSourceSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var rewards = new List<Reward>();
        var problems = new List<RewardProblem>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter: (string?)null, 1000, null, cancellationToken))
        {
            if (Read(entity, out var problem) is { } reward)
            {
                rewards.Add(reward);
            }
            else
            {
                problems.Add(new RewardProblem(entity.PartitionKey, entity.RowKey, problem!));
            }
        }

        return new RewardSourceSnapshot(rewards, problems);
    }

    /// <summary>The reward, or null and what is wrong with the row.</summary>
    internal static Reward? Read(TableEntity e, out string? problem)
    {
        long cost = 0, stock = 0;
        var enabled = true;
        DateTimeOffset? from = null, until = null;
        problem = e.RowKey.Length is 0 or > 100 || e.RowKey.Any(char.IsControl) ? "RowKey (the reward id) must be 1-100 characters without control characters"
            : Whole(e, "Cost", out cost)
            ?? (cost < 1 || cost > CoinOperation.MaxAmount ? $"Cost is {cost}: a reward costs 1 to {CoinOperation.MaxAmount} coins" : null)
            ?? Whole(e, "Stock", out stock)
            ?? (stock < 0 ? $"Stock is {stock}: the units on offer in all cannot be negative (0 offers none)" : null)
            ?? Flag(e, "Enabled", out enabled)
            ?? When(e, "ValidFrom", out from)
            ?? When(e, "ValidUntil", out until)
            ?? (from is not null && until is not null && until <= from ? $"ValidUntil ({until:O}) is not after ValidFrom ({from:O})" : null);
        if (problem is not null)
        {
            problem += ".";
            return null;
        }

        return new Reward
        {
            Tenant = e.PartitionKey,
            Id = e.RowKey,
            Title = e.TryGetValue("Title", out var title) ? title?.ToString() : null,
            Cost = cost,
            Stock = stock,
            Enabled = enabled,
            ValidFrom = from,
            ValidUntil = until,
        };
    }

    private static string? Whole(TableEntity e, string name, out long value)
    {
        e.TryGetValue(name, out var raw);
        var readable = StaffCells.TryWhole(raw, out var whole);
        value = whole ?? 0;
        return !readable ? $"{name} is '{raw}', not a whole number: write digits only, for example {name} = 100"
            : whole is null ? $"{name} is missing: add a whole number (type Int64 or Int32), for example {name} = 100"
            : null;
    }

    private static string? Flag(TableEntity e, string name, out bool value)
    {
        e.TryGetValue(name, out var raw);
        var readable = StaffCells.TryBool(raw, out var flag);
        value = flag ?? true;
        return readable ? null : $"{name} is '{raw}', not a boolean: set it to true or false (type Boolean), or delete it (a reward is on by default)";
    }

    private static string? When(TableEntity e, string name, out DateTimeOffset? value)
    {
        e.TryGetValue(name, out var raw);
        return StaffCells.TryTime(raw, out value) ? null : $"{name} is '{raw}', not a date: use type DateTime, or text such as 2026-12-31T16:00:00Z, or delete it";
    }
}
