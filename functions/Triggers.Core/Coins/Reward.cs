namespace Triggers.Core.Coins;

/// <summary>
/// A reward coins can be redeemed for, as operations staff keep it in table <c>Rewards</c>: its price in coins, how many
/// units it has in all (<see cref="Stock"/>; the app counts the units claimed apart, in table <c>RewardStock</c>), and
/// when it may be redeemed.
/// </summary>
public sealed record Reward
{
    public required string Tenant { get; init; }

    /// <summary>The RowKey: what a redemption names.</summary>
    public required string Id { get; init; }

    public string? Title { get; init; }

    /// <summary>Coins one unit costs, at least 1.</summary>
    public required long Cost { get; init; }

    /// <summary>Units on offer in all, claimed ones included: raising it adds units.</summary>
    public required long Stock { get; init; }

    public bool Enabled { get; init; } = true;

    public DateTimeOffset? ValidFrom { get; init; }

    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>Why the reward cannot be redeemed at <paramref name="now"/>, or null when it can.</summary>
    public string? Unavailable(DateTimeOffset now) =>
        !Enabled ? $"reward '{Id}' is disabled (Enabled is false in table Rewards)"
        : ValidFrom is { } from && now < from ? $"reward '{Id}' may be redeemed from {from:O} (ValidFrom in table Rewards)"
        : ValidUntil is { } until && now >= until ? $"reward '{Id}' could be redeemed until {until:O} (ValidUntil in table Rewards)"
        : null;
}

/// <summary>Why a row of table <c>Rewards</c> was left out: what is wrong, in which field, and how to fix it.</summary>
public sealed record RewardProblem(string Tenant, string Reward, string Problem);

/// <summary>One read of table <c>Rewards</c>: every readable reward (disabled ones too) and the rows left out.</summary>
public sealed record RewardSourceSnapshot(IReadOnlyList<Reward> Rewards, IReadOnlyList<RewardProblem> Problems);

/// <summary>Where operations staff keep the rewards (table <c>Rewards</c>).</summary>
public interface IRewardSource
{
    /// <summary>Every reward; rows that cannot be read come back as problems, never as exceptions.</summary>
    Task<RewardSourceSnapshot> LoadAsync(CancellationToken cancellationToken);
}
