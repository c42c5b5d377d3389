namespace Triggers.Core.People;

/// <summary>
/// What a link or unlink did: the person the accounts now belong to, whether anything changed, or why it was refused;
/// and <see cref="Former"/>, the wallets whose coins now belong to that person (the linked accounts' own, and those of
/// persons merged away), for <see cref="Coins.WalletMerger"/>.
/// </summary>
public sealed record LinkOutcome(Person? Person, bool Changed, string? Refusal)
{
    public IReadOnlyList<string> Former { get; init; } = [];

    public static LinkOutcome Refused(string reason) => new(null, false, reason);
}
