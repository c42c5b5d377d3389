using Microsoft.Extensions.Time.Testing;
using Triggers.Core.Coins;
using Triggers.Core.People;
using Triggers.Core.Simulation.Memory;

namespace Triggers.Core.Tests.Coins;

/// <summary>Linking accounts combines their coins into the person's wallet through ledger entries, once.</summary>
public sealed class WalletMergerTests
{
    private const string Tenant = "brand";
    private readonly MemoryCoins _coins = new();
    private readonly MemoryPeople _people = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CoinBank Bank(ICoinStore? store = null) => new(store ?? _coins, _time);

    private Task Earn(string wallet, long coins, long xp, string id) =>
        Bank().ApplyAsync(Tenant, wallet, xp > 0 ? new CoinOperation(id + "x", CoinKinds.Appreciation, 0, xp, null, "test") : new CoinOperation(id, CoinKinds.Deposit, coins, 0, null, "test"), Ct);

    private async Task<(Wallet Wallet, IReadOnlyList<CoinEntry> Entries)> Read(string wallet) =>
        (await Bank().BalanceAsync(Tenant, wallet, Ct), await _coins.ListEntriesAsync(Tenant, wallet, Ct));

    [Fact]
    public async Task Coins_earned_on_two_accounts_before_they_were_linked_are_the_members_after_and_every_ledger_adds_up()
    {
        await Earn("wechat:o1", 120, 0, "a");
        await Earn("wechat:o1", 0, 5, "b");
        await Earn("douyin:d1", 30, 0, "c");
        var linker = new PersonLinker(_people, _time, Bank());

        var outcome = await linker.LinkAsync(Tenant, [new("wechat", "o1"), new("douyin", "d1")], "M-1", LinkSources.Identify, "signal:s1", Ct);
        await linker.LinkAsync(Tenant, [new("wechat", "o1"), new("douyin", "d1")], "M-1", LinkSources.Identify, "signal:s1", Ct);

        Assert.Equal(["douyin:d1", "wechat:o1"], outcome.Former.Order(StringComparer.Ordinal));
        var (member, entries) = await Read("member:M-1");
        Assert.Equal((150L, 5L), (member.Coins, member.Xp));
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal((CoinKinds.Transfer, "signal:s1"), (e.Kind, e.By)));
        Assert.Equal((0L, 0L), ((await Read("wechat:o1")).Wallet.Coins, (await Read("wechat:o1")).Wallet.Xp));
        var all = new[] { await Read("member:M-1"), await Read("wechat:o1"), await Read("douyin:d1") };
        Assert.All(all, w => Assert.Empty(CoinAudit.Check(w.Wallet, w.Entries)));
        Assert.Empty(CoinAudit.UnfinishedTransfers(all));
    }

    [Fact]
    public async Task A_merge_cut_short_after_taking_the_coins_out_is_reported_by_the_audit_and_finished_by_linking_again()
    {
        await Earn("douyin:d1", 80, 0, "a");
        var failing = new FailingIncoming(_coins);
        var linker = new PersonLinker(_people, _time, Bank(failing));

        await Assert.ThrowsAsync<IOException>(() => linker.LinkAsync(Tenant, [new("douyin", "d1")], "M-2", LinkSources.Admin, "admin:ops", Ct));
        var cut = new[] { await Read("member:M-2"), await Read("douyin:d1") };
        await new PersonLinker(_people, _time, Bank()).LinkAsync(Tenant, [new("douyin", "d1")], "M-2", LinkSources.Admin, "admin:ops", Ct);
        await new PersonLinker(_people, _time, Bank()).LinkAsync(Tenant, [new("douyin", "d1")], "M-2", LinkSources.Admin, "admin:ops", Ct);

        Assert.Equal(0, cut[0].Wallet.Coins);
        Assert.Contains("80 coins and 0 xp taken out", Assert.Single(CoinAudit.UnfinishedTransfers(cut)), StringComparison.Ordinal);
        var done = new[] { await Read("member:M-2"), await Read("douyin:d1") };
        Assert.Equal(80, done[0].Wallet.Coins);
        Assert.Empty(CoinAudit.UnfinishedTransfers(done));
    }

    [Fact]
    public async Task Two_linked_persons_merged_into_one_bring_their_wallets_along()
    {
        var linker = new PersonLinker(_people, _time, Bank());
        await linker.LinkAsync(Tenant, [new("wechat", "o1"), new("douyin", "d1")], null, LinkSources.Admin, "admin:ops", Ct);
        await linker.LinkAsync(Tenant, [new("xiaohongshu", "x1"), new("bilibili", "b1")], null, LinkSources.Admin, "admin:ops", Ct);
        await Earn("linked:douyin:d1", 40, 0, "a");
        await Earn("linked:bilibili:b1", 60, 0, "b");

        var merged = await linker.LinkAsync(Tenant, [new("wechat", "o1"), new("bilibili", "b1")], null, LinkSources.Admin, "admin:ops", Ct);

        Assert.Equal(100, (await Read(merged.Person!.Id)).Wallet.Coins);
        Assert.Equal(4, merged.Person.Accounts.Count);
    }

    [Fact]
    public async Task Unlinking_one_of_two_staff_linked_accounts_leaves_the_persons_coins_to_the_account_that_stays()
    {
        var linker = new PersonLinker(_people, _time, Bank());
        var linked = await linker.LinkAsync(Tenant, [new("wechat", "o1"), new("douyin", "d1")], null, LinkSources.Admin, "admin:ops", Ct);
        await Earn(linked.Person!.Id, 90, 0, "a");

        await linker.UnlinkAsync(Tenant, new AccountRef("douyin", "d1"), "test", Ct);

        Assert.Equal(0, (await Read(linked.Person.Id)).Wallet.Coins);
        Assert.Equal(90, (await Read("wechat:o1")).Wallet.Coins);
        Assert.Equal(0, (await Read("douyin:d1")).Wallet.Coins);
    }

    /// <summary>Fails the first write that adds merged coins to a wallet, as a host dying between the two halves would.</summary>
    private sealed class FailingIncoming(ICoinStore inner) : ICoinStore
    {
        private int _failed;

        public Task<CoinKeyClaim> ClaimKeyAsync(string tenant, CoinKeyClaim claim, CancellationToken cancellationToken) => inner.ClaimKeyAsync(tenant, claim, cancellationToken);

        public Task<CoinKeyClaim?> GetKeyAsync(string tenant, string key, CancellationToken cancellationToken) => inner.GetKeyAsync(tenant, key, cancellationToken);

        public Task<Wallet?> GetWalletAsync(string tenant, string wallet, CancellationToken cancellationToken) => inner.GetWalletAsync(tenant, wallet, cancellationToken);

        public Task<CoinEntry?> GetEntryAsync(string tenant, string wallet, string entryId, CancellationToken cancellationToken) => inner.GetEntryAsync(tenant, wallet, entryId, cancellationToken);

        public Task<IReadOnlyList<CoinEntry>> ListEntriesAsync(string tenant, string wallet, CancellationToken cancellationToken) => inner.ListEntriesAsync(tenant, wallet, cancellationToken);

        public Task<bool> TryApplyAsync(string tenant, string wallet, CoinEntry entry, Wallet next, CancellationToken cancellationToken) =>
            entry.Id.StartsWith("transfer-in:", StringComparison.Ordinal) && Interlocked.Exchange(ref _failed, 1) == 0
                ? throw new IOException("host died")
                : inner.TryApplyAsync(tenant, wallet, entry, next, cancellationToken);
    }
}
