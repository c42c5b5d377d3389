using System.Globalization;
using Triggers.Core.People;

namespace Triggers.Core.Simulation.Memory;

/// <summary>Persons and account links in memory, with versions that behave like the table's ETags and all-or-nothing changes.</summary>
public sealed class MemoryPeople : IPeopleStore
{
    private readonly Dictionary<(string Tenant, string Id), Person> _persons = [];
    private readonly Dictionary<(string Tenant, AccountRef Account), AccountLink> _links = [];
    private readonly List<(string Tenant, UnlinkRecord Record)> _unlinks = [];
    private readonly Lock _gate = new();
    private long _version;

    public int MaxChange => 100;

    public Task<bool> AnyAsync(string tenant, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_persons.Keys.Any(k => k.Tenant == tenant));
        }
    }

    public Task<AccountLink?> GetLinkAsync(string tenant, AccountRef account, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_links.GetValueOrDefault((tenant, account)));
        }
    }

    public Task<Person?> GetPersonAsync(string tenant, string personId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_persons.GetValueOrDefault((tenant, personId)));
        }
    }

    public Task<IReadOnlyList<UnlinkRecord>> ListUnlinksAsync(string tenant, AccountRef account, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<UnlinkRecord>>([.. _unlinks.Where(u => u.Tenant == tenant && u.Record.Account == account).Select(u => u.Record).OrderByDescending(r => r.At)]);
        }
    }

    public Task<bool> TryApplyAsync(PeopleChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            var t = change.Tenant;
            var current = change.WritePersons.Concat(change.RemovePersons).All(p => _persons.GetValueOrDefault((t, p.Id))?.Version == p.Version)
                && change.WriteLinks.Concat(change.RemoveLinks).All(l => _links.GetValueOrDefault((t, l.Account))?.Version == l.Version);
            if (!current)
            {
                return Task.FromResult(false);
            }

            foreach (var person in change.RemovePersons)
            {
                _persons.Remove((t, person.Id));
            }

            foreach (var link in change.RemoveLinks)
            {
                _links.Remove((t, link.Account));
            }

            foreach (var person in change.WritePersons)
            {
                _persons[(t, person.Id)] = person with { Version = Next() };
            }

            foreach (var link in change.WriteLinks)
            {
                _links[(t, link.Account)] = link with { Version = Next() };
            }

            _unlinks.AddRange(change.Unlinks.Select(u => (t, u)));

            return Task.FromResult(true);
        }
    }

    private string Next() => (++_version).ToString(CultureInfo.InvariantCulture);
}
