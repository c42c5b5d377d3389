namespace Triggers.Core.People;

/// <summary>A person as the admin API and the CLI show it: its id, tenant, and every linked account with what linked it.</summary>
public sealed record PersonView(string Id, string Tenant, bool Linked, IReadOnlyList<PersonView.Account> Accounts)
{
    public sealed record Account(string Platform, string Id, string? Source, DateTimeOffset? LinkedAt, string? By);

    /// <summary>The person's knowledge coins: spendable <c>balance</c> and <c>xp</c> (shown by the contact lookup).</summary>
    public sealed record CoinBalances(long Balance, long Xp);

    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public CoinBalances? Coins { get; init; }

    /// <summary>
    /// The person's trust, component by component (shown by the contact lookup). <c>score</c> is null while the tenant
    /// has no rows in table Scoring; <c>note</c> says so.
    /// </summary>
    public sealed record TrustScore(double? Score, IReadOnlyDictionary<string, Trust.TrustComponentView> Components, string? Note);

    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public TrustScore? Trust { get; init; }

    public static PersonView From(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new(person.Id, person.Tenant, person.IsLinked, [.. person.Accounts.Select(a => person.IsLinked
            ? new Account(a.Platform, a.Id, a.Source, a.LinkedAt, a.By)
            : new Account(a.Platform, a.Id, null, null, null))]);
    }
}
