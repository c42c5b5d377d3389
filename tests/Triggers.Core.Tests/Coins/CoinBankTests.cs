using Microsoft.Extensions.Time.Testing;
using Triggers.Core.Coins;
using Triggers.Core.Simulation.Memory;

namespace Triggers.Core.Tests.Coins;

public sealed class CoinBankTests
{
    private const string Tenant = "brand";
    private readonly MemoryCoins _store = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CoinOperation Deposit(string id, long coins) => new(id, CoinKinds.Deposit, coins, 0, "check-in streak", "rule:streak");

    private static CoinOperation Withdraw(string id, long coins) => new(id, CoinKinds.Withdrawal, -coins, 0, "salon seat", "redeem");

    [Fact]
    public async Task A_deposit_asked_twice_with_the_same_id_applies_once_and_answers_the_same_both_times()
    {
        var bank = new CoinBank(_store, _time);

        var first = await bank.ApplyAsync(Tenant, "member:M1", Deposit("tp-1", 100), Ct);
        _time.Advance(TimeSpan.FromMinutes(1));
        var again = await bank.ApplyAsync(Tenant, "member:M1", Deposit("tp-1", 100), Ct);

        Assert.Equal(first, again);
        Assert.Equal(100, (await bank.BalanceAsync(Tenant, "member:M1", Ct)).Coins);
        Assert.Single(await _store.ListEntriesAsync(Tenant, "member:M1", Ct));
    }

    [Fact]
    public async Task A_withdrawal_larger_than_the_balance_is_refused_changes_nothing_and_stays_refused_for_its_id()
    {
        var bank = new CoinBank(_store, _time);
        await bank.ApplyAsync(Tenant, "w", Deposit("d1", 30), Ct);

        var refused = await bank.ApplyAsync(Tenant, "w", Withdraw("r1", 50), Ct);
        await bank.ApplyAsync(Tenant, "w", Deposit("d2", 30), Ct);
        var again = await bank.ApplyAsync(Tenant, "w", Withdraw("r1", 50), Ct);

        Assert.Equal(CoinOutcomes.InsufficientBalance, refused.Outcome);
        Assert.Equal(30, refused.CoinsAfter);
        Assert.Equal(refused, again);
        Assert.Equal(60, (await bank.BalanceAsync(Tenant, "w", Ct)).Coins);
    }

    [Fact]
    public async Task Sixty_four_concurrent_withdrawals_against_a_balance_covering_ten_apply_exactly_ten_across_two_banks()
    {
        // Two banks over one store stand for two instances: their in-process queues do not see each other, so they race at the store.
        var (a, b) = (new CoinBank(_store, _time), new CoinBank(_store, _time));
        await a.ApplyAsync(Tenant, "w", Deposit("d", 105), Ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => (i % 2 == 0 ? a : b).ApplyAsync(Tenant, "w", Withdraw("r" + i, 10), Ct), Ct)));

        Assert.Equal(10, results.Count(r => r.Applied));
        Assert.Equal(54, results.Count(r => r.Outcome == CoinOutcomes.InsufficientBalance));
        var wallet = await a.BalanceAsync(Tenant, "w", Ct);
        Assert.Equal(5, wallet.Coins);
        Assert.Empty(CoinAudit.Check(wallet, await _store.ListEntriesAsync(Tenant, "w", Ct)));
    }

    [Fact]
    public async Task Ten_thousand_random_operations_with_duplicates_and_concurrent_pairs_leave_every_wallet_agreeing_with_its_entries()
    {
        var banks = new[] { new CoinBank(_store, _time), new CoinBank(_store, _time) };
        var random = new Random(20261207);
        var wallets = Enumerable.Range(0, 20).Select(i => "w" + i).ToArray();
        var operations = new List<(string Wallet, CoinOperation Operation)>();
        for (var i = 0; i < 10_000; i++)
        {
            var wallet = wallets[random.Next(wallets.Length)];
            var roll = random.Next(100);
            var operation = roll < 10 && operations.Count > 0
                ? operations[random.Next(operations.Count)] // a duplicate: a redelivery of an earlier operation
                : (wallet, roll switch
                {
                    < 45 => Deposit("op" + i, random.Next(1, 50)),
                    < 60 => new CoinOperation("op" + i, CoinKinds.Appreciation, 0, random.Next(1, 20), "team-up", "signal"),
                    _ => Withdraw("op" + i, random.Next(1, 80)),
                });
            operations.Add(operation);
        }

        // In pairs side by side, each on another bank (instance).
        for (var i = 0; i < operations.Count; i += 2)
        {
            await Task.WhenAll(operations.Skip(i).Take(2).Select((o, k) => banks[k].ApplyAsync(Tenant, o.Wallet, o.Operation, Ct)));
        }

        var mismatches = new List<string>();
        foreach (var wallet in wallets)
        {
            var entries = await _store.ListEntriesAsync(Tenant, wallet, Ct);
            mismatches.AddRange(CoinAudit.Check(await banks[0].BalanceAsync(Tenant, wallet, Ct), entries));
            Assert.Equal(entries.Count, entries.Select(e => e.Id).Distinct().Count());
        }

        Assert.Empty(mismatches);
        Assert.Equal(operations.Select(o => o.Operation.Id).Distinct().Count(), (await Task.WhenAll(wallets.Select(w => _store.ListEntriesAsync(Tenant, w, Ct)))).Sum(e => e.Count));
    }

    [Fact]
    public async Task The_same_id_used_for_a_different_operation_is_refused_and_changes_nothing()
    {
        var bank = new CoinBank(_store, _time);
        await bank.ApplyAsync(Tenant, "w", Deposit("k", 100), Ct);

        var withdrawal = await Assert.ThrowsAsync<CoinConflictException>(() => bank.ApplyAsync(Tenant, "w", Withdraw("k", 100), Ct));
        var larger = await Assert.ThrowsAsync<CoinConflictException>(() => bank.ApplyAsync(Tenant, "w", Deposit("k", 200), Ct));

        Assert.Equal("operation id 'k' was already used for a deposit of 100 coins; use a new one", withdrawal.Message);
        Assert.Contains("deposit of 100 coins", larger.Message, StringComparison.Ordinal);
        Assert.Equal(100, (await bank.BalanceAsync(Tenant, "w", Ct)).Coins);
    }

    [Fact]
    public async Task A_retried_key_goes_to_the_wallet_it_first_went_to_even_when_the_account_was_linked_since()
    {
        var bank = new CoinBank(_store, _time);

        var (first, _) = await bank.ApplyOnceAsync(Tenant, "admin:k-1", "wechat:o1", Deposit("admin-deposit:k-1", 50), Ct);
        // Meanwhile wechat:o1 joined member M-1: a retry now names the person's wallet.
        var (again, entry) = await bank.ApplyOnceAsync(Tenant, "admin:k-1", "member:M-1", Deposit("admin-deposit:k-1", 50), Ct);

        Assert.Equal(("wechat:o1", "wechat:o1"), (first, again));
        Assert.Equal(50, entry.CoinsAfter);
        Assert.Equal(0, (await bank.BalanceAsync(Tenant, "member:M-1", Ct)).Coins);
        await Assert.ThrowsAsync<CoinConflictException>(() => bank.ApplyOnceAsync(Tenant, "admin:k-1", "wechat:o1", Deposit("admin-deposit:k-1", 60), Ct));
    }

    [Theory]
    [InlineData(CoinKinds.Deposit, -5, 0, "a deposit adds a positive number of coins")]
    [InlineData(CoinKinds.Withdrawal, 5, 0, "a withdrawal takes a positive number of coins")]
    [InlineData(CoinKinds.Appreciation, 3, 1, "an appreciation adds a positive amount of experience")]
    [InlineData("gift", 5, 0, "'gift' is not a coin operation")]
    public async Task A_malformed_operation_is_refused_before_anything_is_stored(string kind, long coins, long xp, string expected)
    {
        var bank = new CoinBank(_store, _time);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => bank.ApplyAsync(Tenant, "w", new CoinOperation("x", kind, coins, xp, null, "t"), Ct));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.Empty(await _store.ListEntriesAsync(Tenant, "w", Ct));
    }

    [Fact]
    public void The_audit_names_a_wallet_whose_balance_disagrees_with_its_entries()
    {
        var entry = new CoinEntry { Id = "d", Kind = CoinKinds.Deposit, Coins = 10, Xp = 0, By = "t", At = _time.GetUtcNow(), Outcome = CoinOutcomes.Applied, CoinsAfter = 10, XpAfter = 0 };

        var problems = CoinAudit.Check(new Wallet(Tenant, "w", 20, 0, "1"), [entry]);

        Assert.Equal(["wallet w: 20 coins stored, but its applied entries add up to 10"], problems);
    }
}
