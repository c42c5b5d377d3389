namespace Triggers.Core.Coins;

/// <summary>A person's knowledge coins (spendable) and experience, as stored; <see cref="Version"/> is the store's concurrency token.</summary>
public sealed record Wallet(string Tenant, string Id, long Coins, long Xp, string? Version)
{
    public static Wallet Empty(string tenant, string id) => new(tenant, id, 0, 0, null);
}
