using System.Collections.Concurrent;
using Triggers.Core.Contacts;

namespace Triggers.Core.People;

/// <summary>
/// Where a contact's person has other accounts: each linked account on every configured channel of its platform in the
/// tenant, so the guardrails count consent and caps per person. A tenant that has linked nobody costs one read now
/// and then, not one per contact.
/// </summary>
public sealed class PersonContacts(IPeopleStore people, IContactStateStore contacts, Func<string, string, IReadOnlyList<string>> channelsOf, TimeProvider time)
{
    /// <summary>How long "this tenant has linked nobody" is believed: a first link counts within this time.</summary>
    public static readonly TimeSpan NobodyLinkedFor = TimeSpan.FromSeconds(10);

    /// <summary>Per tenant: until when it is believed to link nobody, or <see cref="DateTimeOffset.MaxValue"/> once it links people.</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _nobodyLinkedUntil = new(StringComparer.Ordinal);

    /// <summary>The person the account belongs to, or null when it is linked to nobody (or the tenant links nobody).</summary>
    public async Task<Person?> FindAsync(string tenant, string platform, string contact, CancellationToken cancellationToken) =>
        await AnyLinkedAsync(tenant, cancellationToken)
            ? await PersonLinker.StoredAsync(people, tenant, new AccountRef(platform, contact), cancellationToken)
            : null;

    /// <summary>The stored states of the person's other accounts (none for an account linked to nobody).</summary>
    public async Task<IReadOnlyList<ContactState>> OthersAsync(string tenant, string platform, string contact, CancellationToken cancellationToken) =>
        await FindAsync(tenant, platform, contact, cancellationToken) is { } person
            ? await StatesOfOthersAsync(person, new AccountRef(platform, contact), cancellationToken)
            : [];

    /// <summary>
    /// The stored states of the person's accounts other than <paramref name="self"/>, on every configured channel of their
    /// platforms; this account's states on other channels stay apart, as for an account linked to nobody.
    /// </summary>
    public async Task<IReadOnlyList<ContactState>> StatesOfOthersAsync(Person person, AccountRef self, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var others = new List<ContactState>();
        foreach (var account in person.Accounts.Where(a => a.Account != self))
        {
            foreach (var other in channelsOf(person.Tenant, account.Platform))
            {
                if (await contacts.GetAsync(person.Tenant, other, account.Id, cancellationToken) is { } state)
                {
                    others.Add(state);
                }
            }
        }

        return others;
    }

    /// <summary>This process just linked accounts in the tenant: count them from now on, not after the flag expires.</summary>
    public void NoteLinked(string tenant) => _nobodyLinkedUntil[tenant] = DateTimeOffset.MaxValue;

    private async Task<bool> AnyLinkedAsync(string tenant, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_nobodyLinkedUntil.TryGetValue(tenant, out var until) && until > now)
        {
            // DateTimeOffset.MaxValue: the tenant links people; each contact's link is read from now on.
            return until == DateTimeOffset.MaxValue;
        }

        var any = await people.AnyAsync(tenant, cancellationToken);
        _nobodyLinkedUntil[tenant] = any ? DateTimeOffset.MaxValue : now + NobodyLinkedFor;
        return any;
    }
}
