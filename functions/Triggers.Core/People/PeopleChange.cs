namespace Triggers.Core.People;

/// <summary>
/// One atomic change to a tenant's people: persons written or removed, account links written or removed, each guarded by
/// the version it was read at (null: it must not exist yet). All of it applies, or none of it.
/// </summary>
public sealed record PeopleChange(string Tenant)
{
    public List<Person> WritePersons { get; } = [];

    public List<Person> RemovePersons { get; } = [];

    /// <summary>Links to write: the account, its person, and the version read (null when the account had no link).</summary>
    public List<AccountLink> WriteLinks { get; } = [];

    public List<AccountLink> RemoveLinks { get; } = [];

    /// <summary>Records of accounts taken out of their person, written with the rest.</summary>
    public List<UnlinkRecord> Unlinks { get; } = [];

    public int Count => WritePersons.Count + RemovePersons.Count + WriteLinks.Count + RemoveLinks.Count + Unlinks.Count;

    public bool IsEmpty => Count == 0;
}
