namespace Triggers.Core.People;

/// <summary>What a link or unlink did: the person the accounts now belong to, whether anything changed, or why it was refused.</summary>
public sealed record LinkOutcome(Person? Person, bool Changed, string? Refusal)
{
    public static LinkOutcome Refused(string reason) => new(null, false, reason);
}
