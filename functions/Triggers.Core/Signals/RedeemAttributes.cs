namespace Triggers.Core.Signals;

/// <summary>The attributes of a <c>redeem</c> signal: <c>reward</c>, the RowKey of the reward in table Rewards.</summary>
public static class RedeemAttributes
{
    public const string Reward = "reward";

    /// <summary>The reward named, or null when the signal names none.</summary>
    public static string? RewardOf(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return signal.Attributes.TryGetValue(Reward, out var reward) && Problem(reward) is null ? reward.Trim() : null;
    }

    /// <summary>What is wrong with the reward named, or null when it is fine.</summary>
    public static string? Problem(string? reward) =>
        string.IsNullOrWhiteSpace(reward) ? "is required for a redeem signal: the reward's RowKey in table Rewards, for example {\"reward\": \"salon-seat\"}"
        : reward.Trim().Length > 100 || reward.Any(char.IsControl) ? "must be a reward id of at most 100 characters without control characters"
        : null;
}
