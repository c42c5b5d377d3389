using Microsoft.Extensions.Time.Testing;
using Triggers.Core.Coins;
using Triggers.Core.Simulation.Memory;

namespace Triggers.Core.Tests.Coins;

/// <summary>Coins:Expiry: coins never spent expire after the period, the oldest spent first, once.</summary>
public sealed class CoinExpiryTests
{
    private const string Tenant = "brand";
    private const string Wallet = "member:M1";
    private readonly MemoryCoins _store = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CoinBank Bank(TimeSpan? expiry = null) => new(_store, _time, expiry ?? TimeSpan.FromDays(365));

    [Fact]
    public async Task Coins_older_than_the_expiry_that_were_never_spent_expire_once_spending_the_oldest_first()
    {
        var bank = Bank();
        await bank.ApplyAsync(Tenant, Wallet, new CoinOperation("d1", CoinKinds.Deposit, 100, 0, "check-ins", "rule"), Ct);
        _time.Advance(TimeSpan.FromDays(200));
        await bank.ApplyAsync(Tenant, Wallet, new CoinOperation("d2", CoinKinds.Deposit, 50, 0, "check-ins", "rule"), Ct);
        await bank.ApplyAsync(Tenant, Wallet, new CoinOperation("w1", CoinKinds.Withdrawal, -30, 0, "salon", "redeem"), Ct);
        _time.Advance(TimeSpan.FromDays(170));

        // d1 is 370 days old: of its 100, the withdrawal of 30 spent the oldest, so 70 expire; d2 (170 days) stays.
        var after = await bank.BalanceAsync(Tenant, Wallet, Ct);
        var again = await bank.BalanceAsync(Tenant, Wallet, Ct);

        Assert.Equal(50, after.Coins);
        Assert.Equal(after, again);
        var expiry = Assert.Single(await _store.ListEntriesAsync(Tenant, Wallet, Ct), e => e.Kind == CoinKinds.Expiry);
        Assert.Equal((-70L, "applied"), (expiry.Coins, expiry.Outcome));
        Assert.Empty(CoinAudit.Check(after, await _store.ListEntriesAsync(Tenant, Wallet, Ct)));
    }

    [Fact]
    public async Task A_redemption_cannot_spend_expired_coins_and_without_an_expiry_coins_stay()
    {
        await Bank().ApplyAsync(Tenant, Wallet, new CoinOperation("d1", CoinKinds.Deposit, 100, 0, null, "rule"), Ct);
        _time.Advance(TimeSpan.FromDays(400));

        var kept = await new CoinBank(_store, _time).BalanceAsync(Tenant, Wallet, Ct);
        var spend = await Bank().ApplyAsync(Tenant, Wallet, new CoinOperation("w1", CoinKinds.Withdrawal, -40, 0, "salon", "redeem"), Ct);

        Assert.Equal(100, kept.Coins);
        Assert.Equal((CoinOutcomes.InsufficientBalance, 0L), (spend.Outcome, spend.CoinsAfter));
    }

    [Fact]
    public async Task Balances_read_at_once_by_two_instances_while_coins_arrive_expire_the_old_coins_once_and_never_the_new()
    {
        await Bank().ApplyAsync(Tenant, Wallet, new CoinOperation("old", CoinKinds.Deposit, 100, 0, null, "rule"), Ct);
        _time.Advance(TimeSpan.FromDays(400));
        var (a, b) = (Bank(), Bank());

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(
            () => i % 10 == 0
                ? a.ApplyAsync(Tenant, Wallet, new CoinOperation("new" + i, CoinKinds.Deposit, 10, 0, null, "rule"), Ct)
                : (i % 2 == 0 ? a : b).BalanceAsync(Tenant, Wallet, Ct), Ct)));

        var entries = await _store.ListEntriesAsync(Tenant, Wallet, Ct);
        Assert.Equal(-100, entries.Where(e => e.Kind == CoinKinds.Expiry && e.Applied).Sum(e => e.Coins));
        Assert.Equal(40, (await a.BalanceAsync(Tenant, Wallet, Ct)).Coins);
    }
}
