namespace Triggers.Core.People;

/// <summary>
/// One person across platforms: the accounts linked to them and the keys that name them (<c>member:M</c>). An account
/// linked to nobody is a person of its own, whose id is the account itself (<see cref="Alone"/>).
/// </summary>
public sealed record Person
{
    public required string Tenant { get; init; }

    /// <summary><c>member:{M}</c> for a brand member, <c>linked:{platform}:{actorId}</c> for accounts staff linked, or the account itself when alone.</summary>
    public required string Id { get; init; }

    public required IReadOnlyList<LinkedAccount> Accounts { get; init; }

    /// <summary>The store's concurrency token as read; null for a person not stored (new, or an account alone).</summary>
    public string? Version { get; init; }

    /// <summary>Whether this person is stored, or an account linked to nobody.</summary>
    public bool IsLinked => Version is not null;

    public static Person Alone(string tenant, AccountRef account) => new()
    {
        Tenant = tenant,
        Id = account.ToString(),
        Accounts = [new LinkedAccount(account.Platform, account.Id, "self", DateTimeOffset.MinValue, "")],
    };

    /// <summary>The id of a brand member's person.</summary>
    public static string MemberId(string member) => "member:" + member;

    /// <summary>The id of a person staff linked from accounts that named no member: named after its first account.</summary>
    public static string LinkedId(AccountRef first) => "linked:" + first;

    public bool IsMember => Id.StartsWith("member:", StringComparison.Ordinal);
}
