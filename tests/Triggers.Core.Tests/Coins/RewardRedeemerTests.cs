using Microsoft.Extensions.Time.Testing;
using Triggers.Core.Coins;
using Triggers.Core.Simulation.Memory;

namespace Triggers.Core.Tests.Coins;

public sealed class RewardRedeemerTests
{
    private const string Tenant = "brand";
    private const string Wallet = "member:M1";
    private readonly MemoryCoins _coins = new();
    private readonly MemoryRewardStock _stock = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Reward Seat(long cost = 100, long stock = 20) => new() { Tenant = Tenant, Id = "salon-seat", Cost = cost, Stock = stock };

    private (RewardRedeemer Redeemer, CoinBank Bank, RewardStock Stock) Instance()
    {
        var (bank, stock) = (new CoinBank(_coins, _time), new RewardStock(_stock));
        return (new RewardRedeemer(bank, stock, _time), bank, stock);
    }

    private Task DepositAsync(CoinBank bank, long coins, string id = "d1") =>
        bank.ApplyAsync(Tenant, Wallet, new CoinOperation(id, CoinKinds.Deposit, coins, 0, "check-ins", "test"), Ct);

    [Fact]
    public async Task A_redemption_spends_the_cost_claims_one_unit_and_the_same_key_again_answers_the_same_applying_once()
    {
        var (redeemer, bank, stock) = Instance();
        await DepositAsync(bank, 250);

        var first = await redeemer.RedeemAsync(Tenant, "k1", Wallet, "salon-seat", Seat(), "admin:ops", Ct);
        var again = await redeemer.RedeemAsync(Tenant, "k1", Wallet, "salon-seat", Seat(), "admin:ops", Ct);

        Assert.Equal(CoinOutcomes.Applied, first.Outcome);
        Assert.Equal(150, first.Entry!.CoinsAfter);
        Assert.Equal(first.Entry, again.Entry);
        Assert.Equal(150, (await bank.BalanceAsync(Tenant, Wallet, Ct)).Coins);
        Assert.Equal(19, await stock.RemainingAsync(Tenant, Seat(), Ct));
    }

    [Fact]
    public async Task Sixty_four_concurrent_redemptions_against_a_balance_covering_ten_succeed_ten_times_and_give_every_refused_unit_back()
    {
        // Two instances: their in-process queues do not see each other, so they race at the stores.
        var (a, b) = (Instance(), Instance());
        await DepositAsync(a.Bank, 1_050);

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
            Task.Run(() => (i % 2 == 0 ? a : b).Redeemer.RedeemAsync(Tenant, "k" + i, Wallet, "salon-seat", Seat(stock: 64), "test", Ct), Ct)));

        Assert.Equal(10, results.Count(r => r.Applied));
        Assert.Equal(54, results.Count(r => r.Outcome == CoinOutcomes.InsufficientBalance));
        Assert.Equal(50, (await a.Bank.BalanceAsync(Tenant, Wallet, Ct)).Coins);
        Assert.Equal(54, await a.Stock.RemainingAsync(Tenant, Seat(stock: 64), Ct));
        Assert.Empty(CoinAudit.Check(await a.Bank.BalanceAsync(Tenant, Wallet, Ct), await a.Bank.StatementAsync(Tenant, Wallet, Ct)));
    }

    [Fact]
    public async Task Sixty_four_concurrent_redemptions_of_a_reward_with_ten_units_succeed_ten_times_and_refuse_the_rest_as_out_of_stock()
    {
        var (a, b) = (Instance(), Instance());
        await DepositAsync(a.Bank, 100_000);

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
            Task.Run(() => (i % 2 == 0 ? a : b).Redeemer.RedeemAsync(Tenant, "k" + i, Wallet, "salon-seat", Seat(stock: 10), "test", Ct), Ct)));

        Assert.Equal(10, results.Count(r => r.Applied));
        Assert.Equal(54, results.Count(r => r.Outcome == CoinOutcomes.OutOfStock));
        Assert.Equal(99_000, (await a.Bank.BalanceAsync(Tenant, Wallet, Ct)).Coins);
        Assert.Equal(0, await a.Stock.RemainingAsync(Tenant, Seat(stock: 10), Ct));
    }

    [Fact]
    public async Task A_refused_redemption_stays_refused_for_its_key_even_after_coins_arrive_and_holds_no_unit()
    {
        var (redeemer, bank, stock) = Instance();
        await DepositAsync(bank, 40);

        var refused = await redeemer.RedeemAsync(Tenant, "k1", Wallet, "salon-seat", Seat(), "test", Ct);
        await DepositAsync(bank, 500, "d2");
        var again = await redeemer.RedeemAsync(Tenant, "k1", Wallet, "salon-seat", Seat(), "test", Ct);

        Assert.Equal(CoinOutcomes.InsufficientBalance, refused.Outcome);
        Assert.Contains("costs 100 coins and the balance is 40", refused.Detail, StringComparison.Ordinal);
        Assert.Equal(refused.Entry, again.Entry);
        Assert.Equal(540, (await bank.BalanceAsync(Tenant, Wallet, Ct)).Coins);
        Assert.Equal(20, await stock.RemainingAsync(Tenant, Seat(), Ct));
    }

    [Fact]
    public async Task An_out_of_stock_answer_stands_for_its_key_when_staff_add_units_later()
    {
        var (redeemer, bank, _) = Instance();
        await DepositAsync(bank, 500);

        var refused = await redeemer.RedeemAsync(Tenant, "k1", Wallet, "salon-seat", Seat(stock: 0), "test", Ct);
        var again = await redeemer.RedeemAsync(Tenant, "k1", Wallet, "salon-seat", Seat(stock: 5), "test", Ct);
        var fresh = await redeemer.RedeemAsync(Tenant, "k2", Wallet, "salon-seat", Seat(stock: 5), "test", Ct);

        Assert.Equal(CoinOutcomes.OutOfStock, refused.Outcome);
        Assert.Equal(refused.Entry, again.Entry);
        Assert.True(fresh.Applied);
        Assert.Equal(400, (await bank.BalanceAsync(Tenant, Wallet, Ct)).Coins);
    }

    [Fact]
    public async Task A_retry_pays_the_price_the_first_request_saw_and_finishes_after_the_reward_was_disabled()
    {
        var (redeemer, bank, stock) = Instance();
        await DepositAsync(bank, 500);
        // The first request claimed its key and its unit, then its instance died before spending.
        await bank.ClaimKeyAsync(Tenant, new CoinKeyClaim("k1", Wallet, CoinKinds.Withdrawal, -100, 0, "salon-seat"), Ct);
        Assert.Equal(HoldOutcome.Reserved, await stock.ReserveAsync(Tenant, "salon-seat", RewardRedeemer.OperationId("k1"), 20, Ct));

        var retried = await redeemer.RedeemAsync(Tenant, "k1", Wallet, "salon-seat", Seat(cost: 300) with { Enabled = false }, "test", Ct);

        Assert.True(retried.Applied);
        Assert.Equal(-100, retried.Entry!.Coins);
        Assert.Equal(400, (await bank.BalanceAsync(Tenant, Wallet, Ct)).Coins);
        Assert.Equal(19, await stock.RemainingAsync(Tenant, Seat(), Ct));
    }

    [Fact]
    public async Task A_disabled_expired_or_unknown_reward_is_refused_with_its_reason_and_nothing_is_recorded()
    {
        var (redeemer, bank, _) = Instance();
        await DepositAsync(bank, 500);

        var disabled = await redeemer.RedeemAsync(Tenant, "k1", Wallet, "salon-seat", Seat() with { Enabled = false }, "test", Ct);
        var expired = await redeemer.RedeemAsync(Tenant, "k2", Wallet, "salon-seat", Seat() with { ValidUntil = _time.GetUtcNow() }, "test", Ct);
        var early = await redeemer.RedeemAsync(Tenant, "k3", Wallet, "salon-seat", Seat() with { ValidFrom = _time.GetUtcNow().AddDays(1) }, "test", Ct);
        var unknown = await redeemer.RedeemAsync(Tenant, "k4", Wallet, "gift-box", null, "test", Ct);

        Assert.Equal([Redemption.Unavailable, Redemption.Unavailable, Redemption.Unavailable, Redemption.UnknownReward], [disabled.Outcome, expired.Outcome, early.Outcome, unknown.Outcome]);
        Assert.Contains("disabled", disabled.Detail, StringComparison.Ordinal);
        Assert.Contains("ValidUntil", expired.Detail, StringComparison.Ordinal);
        Assert.Contains("ValidFrom", early.Detail, StringComparison.Ordinal);
        Assert.Single(await bank.StatementAsync(Tenant, Wallet, Ct));
        Assert.Null(await bank.KeyAsync(Tenant, "k1", Ct));
    }

    [Fact]
    public async Task A_key_used_for_a_deposit_or_for_another_reward_is_refused_as_a_conflict()
    {
        var (redeemer, bank, _) = Instance();
        await bank.ApplyOnceAsync(Tenant, "k1", Wallet, new CoinOperation("admin-deposit:k1", CoinKinds.Deposit, 500, 0, null, "admin"), Ct);
        await redeemer.RedeemAsync(Tenant, "k2", Wallet, "salon-seat", Seat(), "test", Ct);

        var deposit = await Assert.ThrowsAsync<CoinConflictException>(() => redeemer.RedeemAsync(Tenant, "k1", Wallet, "salon-seat", Seat(), "test", Ct));
        var other = await Assert.ThrowsAsync<CoinConflictException>(() => redeemer.RedeemAsync(Tenant, "k2", Wallet, "gift-box", Seat() with { Id = "gift-box" }, "test", Ct));

        Assert.Contains("already used for a deposit of 500 coins", deposit.Message, StringComparison.Ordinal);
        Assert.Contains("already used for redeeming reward 'salon-seat'", other.Message, StringComparison.Ordinal);
        Assert.Equal(400, (await bank.BalanceAsync(Tenant, Wallet, Ct)).Coins);
    }

    [Fact]
    public async Task A_person_who_cannot_pay_hears_insufficient_balance_even_when_the_last_unit_is_gone_and_claims_nothing()
    {
        var (redeemer, bank, stock) = Instance();
        await bank.ApplyAsync(Tenant, "member:M2", new CoinOperation("d", CoinKinds.Deposit, 100, 0, null, "test"), Ct);
        await redeemer.RedeemAsync(Tenant, "k-other", "member:M2", "salon-seat", Seat(stock: 1), "test", Ct);
        await DepositAsync(bank, 30);

        var refused = await redeemer.RedeemAsync(Tenant, "k1", Wallet, "salon-seat", Seat(stock: 1), "test", Ct);

        Assert.Equal(CoinOutcomes.InsufficientBalance, refused.Outcome);
        Assert.Equal(HoldOutcome.OutOfStock, await stock.ReserveAsync(Tenant, "salon-seat", "probe", 1, Ct));
    }
}
