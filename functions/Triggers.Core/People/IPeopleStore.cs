namespace Triggers.Core.People;

/// <summary>Where persons and their account links are kept (table <c>People</c>).</summary>
public interface IPeopleStore
{
    /// <summary>The most changes one <see cref="TryApplyAsync"/> can hold (an entity-group transaction's limit).</summary>
    int MaxChange { get; }

    /// <summary>Whether the tenant has any person stored (one row read): tenants that link nothing pay nothing more per signal.</summary>
    Task<bool> AnyAsync(string tenant, CancellationToken cancellationToken);

    Task<AccountLink?> GetLinkAsync(string tenant, AccountRef account, CancellationToken cancellationToken);

    Task<Person?> GetPersonAsync(string tenant, string personId, CancellationToken cancellationToken);

    /// <summary>The account's unlink records, newest first.</summary>
    Task<IReadOnlyList<UnlinkRecord>> ListUnlinksAsync(string tenant, AccountRef account, CancellationToken cancellationToken);

    /// <summary>Applies the whole change, or nothing and returns false when something changed since it was read.</summary>
    Task<bool> TryApplyAsync(PeopleChange change, CancellationToken cancellationToken);
}
