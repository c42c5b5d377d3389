namespace Triggers.Core.People;

/// <summary>
/// Links platform accounts into persons and unlinks them, for <c>identify</c> signals, the admin API and the CLI alike.
/// Every change is one atomic write guarded by what was read; a lost race reads again. Linking what is linked already
/// changes nothing, so a redelivered signal or a repeated request is harmless. State stays with each account; what
/// counts per person (caps, consent) is read across the person's accounts, so unlinking gives each account back its own.
/// </summary>
/// <param name="coins">When given, a link also combines the wallets of the accounts and persons that joined into the
/// person's (<see cref="Coins.WalletMerger"/>); the hosts and the CLI always give it.</param>
public sealed class PersonLinker(IPeopleStore store, TimeProvider time, Coins.CoinBank? coins = null)
{
    /// <summary>The most accounts one person may have: enough for every platform and a few devices, and one atomic write.</summary>
    public const int MaxAccounts = 40;

    private const int Attempts = 8;

    /// <summary>The person the account belongs to; an account linked to nobody is a person of its own.</summary>
    /// <summary>
    /// After coins went into <paramref name="wallet"/> for <paramref name="account"/>: when the account has joined
    /// another person meanwhile (a link that moved its wallet between the deposit's lookup and its write), what landed in
    /// the old wallet follows to the person's. Nothing moves twice: the move is keyed by the wallet's version.
    /// </summary>
    public async Task FollowAsync(string tenant, AccountRef account, string wallet, CancellationToken cancellationToken)
    {
        if (coins is not null && (await FindAsync(tenant, account, cancellationToken)).Id is var person && person != wallet)
        {
            await new Coins.WalletMerger(coins).MergeAsync(tenant, [wallet], person, "link", cancellationToken);
        }
    }

    public async Task<Person> FindAsync(string tenant, AccountRef account, CancellationToken cancellationToken) =>
        await StoredAsync(store, tenant, account, cancellationToken) ?? Person.Alone(tenant, account);

    /// <summary>
    /// The stored person the account's link names, or null when it has none. A link whose person does not list the
    /// account (left by a change that failed halfway) counts as none, but only once the link reads the same again: a
    /// link and its person are two reads, and a move committed between them (the person read after it has let the
    /// account go) is read again rather than taken for "alone", which would send coins to the account's own wallet.
    /// </summary>
    internal static async Task<Person?> StoredAsync(IPeopleStore store, string tenant, AccountRef account, CancellationToken cancellationToken)
    {
        var link = await store.GetLinkAsync(tenant, account, cancellationToken);
        for (var attempt = 0; link is not null && attempt < Attempts; attempt++)
        {
            if (await store.GetPersonAsync(tenant, link.Person, cancellationToken) is { } person && person.Accounts.Any(a => a.Account == account))
            {
                return person;
            }

            var again = await store.GetLinkAsync(tenant, account, cancellationToken);
            if (again is null || (again.Person == link.Person && again.Version == link.Version))
            {
                return null;
            }

            link = again;
        }

        return null;
    }

    /// <summary>
    /// With a <paramref name="member"/>: the accounts become that brand member's, each leaving the person it was in. Without:
    /// the accounts' persons merge into one; two different members are never merged.
    /// </summary>
    public async Task<LinkOutcome> LinkAsync(
        string tenant, IReadOnlyList<AccountRef> accounts, string? member, string source, string by, CancellationToken cancellationToken)
    {
        var outcome = await LinkPersonsAsync(tenant, accounts, member, source, by, cancellationToken);
        if (coins is not null && outcome.Person is { } person)
        {
            // Also each account's own wallet and the wallet of a person named after it (linked:{account}), even when
            // nothing changed now: a link cut short before its coins moved (or one that raced a deposit) left them there,
            // and linking again finishes the move. An empty wallet costs one read and moves nothing.
            var named = accounts.SelectMany(a => new[] { a.ToString(), Person.LinkedId(a) });
            await new Coins.WalletMerger(coins).MergeAsync(tenant, outcome.Former.Concat(named), person.Id, by, cancellationToken);
        }

        return outcome;
    }

    private async Task<LinkOutcome> LinkPersonsAsync(
        string tenant, IReadOnlyList<AccountRef> accounts, string? member, string source, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var listed = accounts.Distinct().ToList();
        if (listed.Count == 0 || (member is null && listed.Count < 2))
        {
            return LinkOutcome.Refused(member is null ? "name at least two accounts to link" : "name at least one account to link to the member");
        }

        if (member is not null && MemberProblem(member) is { } problem)
        {
            return LinkOutcome.Refused(problem);
        }

        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var links = await LinksAsync(tenant, listed, cancellationToken);
            var persons = await PersonsAsync(tenant, links.Values.Select(l => l.Person), cancellationToken);
            var plan = member is not null
                ? await JoinAsync(tenant, listed, links, persons, Person.MemberId(member), source, by, cancellationToken)
                : await MergeAsync(tenant, listed, links, persons, source, by, cancellationToken);
            if (plan.Refusal is not null)
            {
                return LinkOutcome.Refused(plan.Refusal);
            }

            if (plan.Change is null)
            {
                // Linked already: the accounts' own wallets are named again, so a merge of coins cut short finishes on a retry.
                return new LinkOutcome(await FindAsync(tenant, listed[0], cancellationToken), false, null) { Former = [.. listed.Select(a => a.ToString())] };
            }

            if (plan.Change.Count > store.MaxChange)
            {
                return LinkOutcome.Refused($"this link would change {plan.Change.Count} rows at once (at most {store.MaxChange}); link fewer accounts at a time");
            }

            if (await store.TryApplyAsync(plan.Change, cancellationToken))
            {
                // The person this change wrote, not whatever the first account belongs to by now: a link committed
                // meanwhile may have moved it on, and the coins of the accounts that joined here belong here.
                var person = await store.GetPersonAsync(tenant, plan.Target!, cancellationToken) ?? await FindAsync(tenant, listed[0], cancellationToken);
                var former = plan.Change.WriteLinks.Select(l => l.Account.ToString()).Concat(plan.Change.RemovePersons.Select(p => p.Id));
                return new LinkOutcome(person, true, null) { Former = [.. former.Where(w => w != person.Id).Distinct(StringComparer.Ordinal)] };
            }
        }

        throw new InvalidOperationException($"the people of accounts {string.Join(", ", listed)} kept changing during {Attempts} attempts to link them; try again");
    }

    /// <summary>Makes the account a person of its own again; the person it left keeps its other accounts. Records who did it.</summary>
    public async Task<LinkOutcome> UnlinkAsync(string tenant, AccountRef account, string by, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (await store.GetLinkAsync(tenant, account, cancellationToken) is not { } link)
            {
                return new LinkOutcome(Person.Alone(tenant, account), false, null);
            }

            var change = new PeopleChange(tenant);
            change.RemoveLinks.Add(link);
            change.Unlinks.Add(new UnlinkRecord(account, link.Person, time.GetUtcNow(), by));
            if (await store.GetPersonAsync(tenant, link.Person, cancellationToken) is { } person)
            {
                await LeaveAsync(change, person, [account], cancellationToken);
            }

            if (await store.TryApplyAsync(change, cancellationToken))
            {
                // A person removed by this (staff-linked, left with one account) leaves its coins to that account, or
                // to the one unlinked when none is left: no wallet is left without an owner.
                if (coins is not null && change.RemovePersons.FirstOrDefault() is { } removed)
                {
                    var heir = removed.Accounts.Select(a => a.Account).FirstOrDefault(a => a != account, account);
                    await new Coins.WalletMerger(coins).MergeAsync(tenant, [removed.Id], heir.ToString(), "unlink", cancellationToken);
                }

                return new LinkOutcome(Person.Alone(tenant, account), true, null);
            }
        }

        throw new InvalidOperationException($"the person of account {account} kept changing during {Attempts} attempts to unlink it; try again");
    }

    /// <summary>What is wrong with a member id (1-256 characters, no control characters), or null when it can be used.</summary>
    public static string? MemberProblem(string member) =>
        member.Length is 0 or > 256 || member.Any(char.IsControl) ? "the member id must be 1-256 characters without control characters" : null;

    /// <summary>What is wrong with who a link is attributed to (1-256 characters, no control characters), or null.</summary>
    public static string? ByProblem(string by) =>
        by.Length is 0 or > 256 || by.Any(char.IsControl) ? "'by' must be 1-256 characters without control characters" : null;

    /// <summary>A change to apply (null when there is nothing to change), or why not; <paramref name="Target"/> is the person it writes the accounts into.</summary>
    private sealed record Plan(PeopleChange? Change, string? Refusal, string? Target = null);

    private async Task<Dictionary<AccountRef, AccountLink>> LinksAsync(string tenant, IEnumerable<AccountRef> accounts, CancellationToken cancellationToken)
    {
        var links = new Dictionary<AccountRef, AccountLink>();
        foreach (var account in accounts)
        {
            if (await store.GetLinkAsync(tenant, account, cancellationToken) is { } link)
            {
                links[account] = link;
            }
        }

        return links;
    }

    private async Task<Dictionary<string, Person>> PersonsAsync(string tenant, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var persons = new Dictionary<string, Person>(StringComparer.Ordinal);
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (await store.GetPersonAsync(tenant, id, cancellationToken) is { } person)
            {
                persons[id] = person;
            }
        }

        return persons;
    }

    /// <summary>The listed accounts become the member's; a person they leave keeps the rest of its accounts.</summary>
    private async Task<Plan> JoinAsync(
        string tenant, List<AccountRef> listed, Dictionary<AccountRef, AccountLink> links, Dictionary<string, Person> persons,
        string targetId, string source, string by, CancellationToken cancellationToken)
    {
        var target = persons.GetValueOrDefault(targetId) ?? await store.GetPersonAsync(tenant, targetId, cancellationToken);
        var moving = listed.Where(a => !(links.GetValueOrDefault(a)?.Person == targetId && target?.Accounts.Any(x => x.Account == a) == true)).ToList();
        if (moving.Count == 0)
        {
            return new Plan(null, null);
        }

        var now = time.GetUtcNow();
        var accounts = (target?.Accounts ?? []).Where(a => !moving.Contains(a.Account)).ToList();
        accounts.AddRange(moving.Select(a => new LinkedAccount(a.Platform, a.Id, source, now, by)));
        if (accounts.Count > MaxAccounts)
        {
            return new Plan(null, $"{targetId} would have {accounts.Count} accounts; a person has at most {MaxAccounts}");
        }

        var change = new PeopleChange(tenant);
        change.WritePersons.Add(new Person { Tenant = tenant, Id = targetId, Accounts = accounts, Version = target?.Version });
        foreach (var account in moving)
        {
            change.WriteLinks.Add(new AccountLink(account, targetId, links.GetValueOrDefault(account)?.Version));
        }

        foreach (var left in moving.Select(a => links.GetValueOrDefault(a)?.Person).OfType<string>().Where(p => p != targetId).Distinct(StringComparer.Ordinal))
        {
            if (persons.GetValueOrDefault(left) is { } person)
            {
                await LeaveAsync(change, person, moving, cancellationToken);
            }
        }

        return new Plan(change, null, targetId);
    }

    /// <summary>
    /// The accounts' persons merge into one: the member among them if there is one, else the stored person with the
    /// lowest id, else a new one named after the lowest account, so the same request always makes the same person.
    /// </summary>
    private async Task<Plan> MergeAsync(
        string tenant, List<AccountRef> listed, Dictionary<AccountRef, AccountLink> links, Dictionary<string, Person> persons,
        string source, string by, CancellationToken cancellationToken)
    {
        var members = persons.Values.Where(p => p.IsMember).Select(p => p.Id).Order(StringComparer.Ordinal).ToList();
        if (members.Count > 1)
        {
            return new Plan(null, $"these accounts belong to different brand members ({string.Join(", ", members)}); unlink the accounts of one of them first");
        }

        var targetId = members.FirstOrDefault()
            ?? persons.Keys.Order(StringComparer.Ordinal).FirstOrDefault()
            ?? await FreshLinkedIdAsync(tenant, listed, cancellationToken);
        if (targetId is null)
        {
            return new Plan(null, $"no free person id for {string.Join(", ", listed)}; link them to a member instead");
        }

        var target = persons.GetValueOrDefault(targetId);
        var others = persons.Values.Where(p => p.Id != targetId).ToList();
        var loose = listed.Where(a => !links.ContainsKey(a) || !persons.ContainsKey(links[a].Person)).ToList();
        if (target is not null && others.Count == 0 && loose.Count == 0)
        {
            return new Plan(null, null);
        }

        var now = time.GetUtcNow();
        var accounts = new List<LinkedAccount>(target?.Accounts ?? []);
        accounts.AddRange(others.SelectMany(p => p.Accounts).Where(a => accounts.All(x => x.Account != a.Account)));
        accounts.AddRange(loose.Where(a => accounts.All(x => x.Account != a)).Select(a => new LinkedAccount(a.Platform, a.Id, source, now, by)));
        if (accounts.Count > MaxAccounts)
        {
            return new Plan(null, $"the merged person would have {accounts.Count} accounts; a person has at most {MaxAccounts}");
        }

        var change = new PeopleChange(tenant);
        change.WritePersons.Add(new Person { Tenant = tenant, Id = targetId, Accounts = accounts, Version = target?.Version });
        change.RemovePersons.AddRange(others);

        // Every account that is not yet linked to the target, including those of the persons merged in (read here: their
        // links were not among the listed accounts'; the versions of those persons guard them). A listed account keeps the
        // link version read with the others, none when it had no link: read again now, it could carry a link written
        // since, to a person this merge never saw, and overwriting that would split the person it joined.
        var fromOthers = others.SelectMany(p => p.Accounts).Select(a => a.Account).Distinct().ToList();
        var moved = fromOthers.Concat(loose).Distinct().ToList();
        var movedLinks = await LinksAsync(tenant, fromOthers.Where(a => !listed.Contains(a)), cancellationToken);
        foreach (var account in moved)
        {
            var version = listed.Contains(account) ? links.GetValueOrDefault(account)?.Version : movedLinks.GetValueOrDefault(account)?.Version;
            change.WriteLinks.Add(new AccountLink(account, targetId, version));
        }

        return new Plan(change, null, targetId);
    }

    /// <summary>
    /// A new person's id, named after the lowest account. That name may still belong to a person the account has left
    /// (the rest of its accounts stayed), so then the id also carries a hash of the accounts linked now.
    /// </summary>
    private async Task<string?> FreshLinkedIdAsync(string tenant, List<AccountRef> listed, CancellationToken cancellationToken)
    {
        var plain = Person.LinkedId(listed.Min());
        if (await store.GetPersonAsync(tenant, plain, cancellationToken) is null)
        {
            return plain;
        }

        var hashed = plain + "#" + Identity.StableId.From([.. listed.Order().Select(a => a.ToString())])[..8];
        return await store.GetPersonAsync(tenant, hashed, cancellationToken) is null ? hashed : null;
    }

    /// <summary>
    /// The accounts leave the person: it keeps the rest. A person left with no account is removed, and so is one staff
    /// linked that is left with a single account (that account is alone again); a member keeps its last account.
    /// </summary>
    private async Task LeaveAsync(PeopleChange change, Person person, IReadOnlyCollection<AccountRef> leaving, CancellationToken cancellationToken)
    {
        var rest = person.Accounts.Where(a => !leaving.Contains(a.Account)).ToList();
        if (rest.Count == 0 || (!person.IsMember && rest.Count == 1))
        {
            change.RemovePersons.Add(person);
            if (rest.Count == 1 && await store.GetLinkAsync(person.Tenant, rest[0].Account, cancellationToken) is { } last && last.Person == person.Id)
            {
                change.RemoveLinks.Add(last);
            }

            return;
        }

        change.WritePersons.Add(person with { Accounts = rest });
    }
}
