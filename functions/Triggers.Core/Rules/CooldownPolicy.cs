namespace Triggers.Core.Rules;

/// <summary>
/// The cooldown decision, with no I/O. Time is the signals' <c>OccurredAt</c>, never the clock, so a
/// redelivery or a replay decides exactly as the first delivery did.
/// </summary>
public static class CooldownPolicy
{
    /// <param name="cooldown">The rule's cooldown; null or zero means none.</param>
    /// <param name="last">The stored last firing for this rule and contact, if any.</param>
    public static CooldownVerdict Decide(TimeSpan? cooldown, CooldownEntry? last, string signalId, DateTimeOffset occurredAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(signalId);
        if (cooldown is not { } quiet || quiet <= TimeSpan.Zero)
        {
            return CooldownVerdict.Fire;
        }

        if (last is null)
        {
            return CooldownVerdict.FireAndRecord;
        }

        // A redelivered signal that already fired still counts as fired; its own entry must not block it.
        if (string.Equals(last.SignalId, signalId, StringComparison.Ordinal))
        {
            return CooldownVerdict.Fire;
        }

        // Signals can arrive out of order: anything within the cooldown on either side of the last firing is quiet.
        var apart = (occurredAt - last.LastFiredAt).Duration();
        if (apart < quiet)
        {
            return CooldownVerdict.Blocked;
        }

        // Only a later firing moves the entry forward; an older one fires but leaves the newest in place.
        return occurredAt > last.LastFiredAt ? CooldownVerdict.FireAndRecord : CooldownVerdict.Fire;
    }
}
