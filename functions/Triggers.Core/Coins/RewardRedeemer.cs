namespace Triggers.Core.Coins;

/// <summary>
/// Redeems rewards for coins: a unit of stock is claimed first, then the coins are withdrawn; a refused withdrawal gives
/// the unit back. Each step is kept under the redemption's id (<c>redeem:{key}</c>), so a retried request or a redelivered
/// signal finishes what was started, or answers what was answered, and applies nothing twice. The key's first use fixes
/// the wallet, the reward and its price.
/// </summary>
public sealed class RewardRedeemer(CoinBank bank, RewardStock stock, TimeProvider time)
{
    /// <summary>The operation id of a redemption under an idempotency key (the admin's key, or <c>signal:{id}</c>).</summary>
    public static string OperationId(string key) => "redeem:" + key;

    /// <param name="key">Unique per redemption in the tenant; at most 180 characters.</param>
    /// <param name="wallet">The person's wallet, used when the key is new.</param>
    /// <param name="reward">The reward as table Rewards has it now; null when it has none named <paramref name="rewardId"/>.</param>
    /// <exception cref="CoinConflictException">The key was used for something else.</exception>
    public async Task<Redemption> RedeemAsync(
        string tenant, string key, string wallet, string rewardId, Reward? reward, string by, CancellationToken cancellationToken)
    {
        var claim = await bank.KeyAsync(tenant, key, cancellationToken);
        if (claim is null)
        {
            if (reward is null)
            {
                return new Redemption(Redemption.UnknownReward, rewardId, wallet, null, $"there is no reward '{rewardId}' for tenant {tenant} in table Rewards");
            }

            if (reward.Unavailable(time.GetUtcNow()) is { } why)
            {
                return new Redemption(Redemption.Unavailable, rewardId, wallet, null, why);
            }

            claim = await bank.ClaimKeyAsync(tenant, new CoinKeyClaim(key, wallet, CoinKinds.Withdrawal, -reward.Cost, 0, rewardId), cancellationToken);
        }

        if (claim.Kind != CoinKinds.Withdrawal || claim.Reward != rewardId || claim.Erased)
        {
            throw CoinBank.KeyReused(claim);
        }

        var id = OperationId(key);
        var operation = new CoinOperation(id, CoinKinds.Withdrawal, claim.Coins, 0, $"redeemed {rewardId}", by);
        // Refused at once when the balance falls short, so a person who cannot pay neither holds a unit nor hears "out of stock".
        var entry = await bank.RefuseIfShortAsync(tenant, claim.Wallet, operation, cancellationToken);
        if (entry is null)
        {
            // Covered: a unit first, at the stock the reward has now (a reward gone from the table has none), then the coins.
            var hold = await stock.ReserveAsync(tenant, rewardId, id, reward?.Stock ?? 0, cancellationToken);
            entry = hold == HoldOutcome.OutOfStock
                ? await bank.RefuseAsync(tenant, claim.Wallet, operation, CoinOutcomes.OutOfStock, cancellationToken)
                : await bank.ApplyAsync(tenant, claim.Wallet, operation, cancellationToken);
        }

        if (!entry.Applied)
        {
            // Refused: the unit goes back (again after a crash between the refusal and the release; nothing when none was held).
            await stock.ReleaseAsync(tenant, rewardId, id, cancellationToken);
        }

        return new Redemption(entry.Outcome, rewardId, claim.Wallet, entry, Describe(entry, rewardId, -claim.Coins));
    }

    private static string Describe(CoinEntry entry, string reward, long cost) => entry.Outcome switch
    {
        CoinOutcomes.Applied => $"redeemed reward '{reward}' for {cost} coins; {entry.CoinsAfter} left",
        CoinOutcomes.InsufficientBalance => $"reward '{reward}' costs {cost} coins and the balance is {entry.CoinsAfter}",
        CoinOutcomes.OutOfStock => $"reward '{reward}' is out of stock",
        _ => $"reward '{reward}': {entry.Outcome}",
    };
}
