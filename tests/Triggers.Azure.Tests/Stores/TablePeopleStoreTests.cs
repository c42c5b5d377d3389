using Microsoft.Extensions.Time.Testing;
using Triggers.Azure.Stores;
using Triggers.Core.People;
using Triggers.Testing;

namespace Triggers.Azure.Tests.Stores;

public sealed class TablePeopleStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_link_reads_back_from_every_account_with_what_linked_it_even_with_key_characters_in_the_ids()
    {
        var store = new TablePeopleStore(await StoreTestData.TablesAsync(azurite));
        var linker = new PersonLinker(store, new FakeTimeProvider(T0));
        var tenant = azurite.UniqueName("pp");
        var ct = TestContext.Current.CancellationToken;
        AccountRef[] accounts = [new("wechat", "o/Ab#C?|%"), new("douyin", "71523"), new("generic", "cust:42")];

        var outcome = await linker.LinkAsync(tenant, accounts, "M/1", LinkSources.Identify, "signal:s1", ct);

        Assert.True(outcome.Changed);
        foreach (var account in accounts)
        {
            var person = await linker.FindAsync(tenant, account, ct);
            Assert.Equal("member:M/1", person.Id);
            Assert.Equal(accounts.Order(), person.Accounts.Select(a => a.Account).Order());
            Assert.All(person.Accounts, a => Assert.Equal((LinkSources.Identify, T0, "signal:s1"), (a.Source, a.LinkedAt, a.By)));
        }
    }

    [Fact]
    public async Task A_change_read_at_an_old_version_applies_nothing()
    {
        var store = new TablePeopleStore(await StoreTestData.TablesAsync(azurite));
        var linker = new PersonLinker(store, new FakeTimeProvider(T0));
        var tenant = azurite.UniqueName("pp");
        var ct = TestContext.Current.CancellationToken;
        AccountRef wechat = new("wechat", "o1"), douyin = new("douyin", "d1"), bilibili = new("bilibili", "b1");
        await linker.LinkAsync(tenant, [wechat, douyin], null, LinkSources.Admin, "ops", ct);
        var stale = (await store.GetPersonAsync(tenant, "linked:douyin:d1", ct))!;
        await linker.LinkAsync(tenant, [wechat, bilibili], null, LinkSources.Admin, "ops", ct);

        // A second writer that read before the first one's change: its person write and its new link fail together.
        var change = new PeopleChange(tenant);
        change.WritePersons.Add(stale with { Accounts = [.. stale.Accounts, new LinkedAccount("kuaishou", "k1", LinkSources.Admin, T0, "late")] });
        change.WriteLinks.Add(new AccountLink(new AccountRef("kuaishou", "k1"), stale.Id, null));

        Assert.False(await store.TryApplyAsync(change, ct));
        Assert.Null(await store.GetLinkAsync(tenant, new AccountRef("kuaishou", "k1"), ct));
        Assert.Equal(3, (await linker.FindAsync(tenant, wechat, ct)).Accounts.Count);
    }

    [Fact]
    public async Task Unlinking_removes_the_accounts_link_row_and_keeps_the_others()
    {
        var store = new TablePeopleStore(await StoreTestData.TablesAsync(azurite));
        var linker = new PersonLinker(store, new FakeTimeProvider(T0));
        var tenant = azurite.UniqueName("pp");
        var ct = TestContext.Current.CancellationToken;
        AccountRef wechat = new("wechat", "o1"), douyin = new("douyin", "d1"), crm = new("generic", "c1");
        await linker.LinkAsync(tenant, [crm, wechat, douyin], "M1", LinkSources.Identify, "signal:s1", ct);

        await linker.UnlinkAsync(tenant, douyin, "admin:lee", ct);

        Assert.Null(await store.GetLinkAsync(tenant, douyin, ct));
        Assert.Equal("member:M1", (await store.GetLinkAsync(tenant, wechat, ct))?.Person);
        Assert.Equal(new[] { crm, wechat }, (await linker.FindAsync(tenant, crm, ct)).Accounts.Select(a => a.Account).Order());
    }

    [Fact]
    public async Task Each_unlink_is_recorded_with_who_did_it_even_twice_at_the_same_moment()
    {
        var store = new TablePeopleStore(await StoreTestData.TablesAsync(azurite));
        var linker = new PersonLinker(store, new FakeTimeProvider(T0));
        var tenant = azurite.UniqueName("pp");
        var ct = TestContext.Current.CancellationToken;
        AccountRef wechat = new("wechat", "o1"), douyin = new("douyin", "d1");
        await linker.LinkAsync(tenant, [wechat, douyin], "M1", LinkSources.Identify, "signal:s1", ct);
        await linker.UnlinkAsync(tenant, douyin, "admin:lee", ct);
        await linker.LinkAsync(tenant, [wechat, douyin], "M1", LinkSources.Admin, "admin:lee", ct);

        await linker.UnlinkAsync(tenant, douyin, "agency-a:mei", ct);

        var records = await store.ListUnlinksAsync(tenant, douyin, ct);
        Assert.Equal(["admin:lee", "agency-a:mei"], records.Select(r => r.By).Order(StringComparer.Ordinal));
        Assert.All(records, r => Assert.Equal((douyin, "member:M1", T0), (r.Account, r.FormerPerson, r.At)));
        Assert.Empty(await store.ListUnlinksAsync(tenant, wechat, ct));
    }
}
