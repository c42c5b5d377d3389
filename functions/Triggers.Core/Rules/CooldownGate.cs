using Triggers.Core.Processing;

namespace Triggers.Core.Rules;

/// <summary>
/// Applies <see cref="CooldownPolicy"/> against a <see cref="ICooldownStore"/>: reads the last firing, decides, and
/// records a new firing guarded by the entry's ETag, re-deciding when another worker wrote in between.
/// </summary>
public sealed class CooldownGate(ICooldownStore store)
{
    private const int MaxAttempts = 5;

    /// <summary>True when <paramref name="rule"/> may plan touchpoints for this contact and signal.</summary>
    public async Task<bool> TryPassAsync(CompiledRule rule, string contact, string signalId, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Cooldown is not { } cooldown || cooldown <= TimeSpan.Zero || string.IsNullOrEmpty(contact))
        {
            return true;
        }

        for (var attempt = 1; ; attempt++)
        {
            var stored = await store.GetAsync(rule.Tenant, rule.Id, contact, cancellationToken);
            switch (CooldownPolicy.Decide(cooldown, stored?.Entry, signalId, occurredAt))
            {
                case CooldownVerdict.Blocked:
                    return false;
                case CooldownVerdict.Fire:
                    return true;
            }

            var entry = new CooldownEntry(occurredAt, signalId);
            if (await store.TryWriteAsync(rule.Tenant, rule.Id, contact, entry, stored?.Version, cancellationToken))
            {
                return true;
            }

            if (attempt >= MaxAttempts)
            {
                throw new InvalidOperationException(
                    $"Cooldown of rule '{rule.Id}' for contact '{contact}' changed under us {MaxAttempts} times; retrying the signal later.");
            }
        }
    }
}
