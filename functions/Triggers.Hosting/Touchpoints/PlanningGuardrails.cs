using Triggers.Hosting.Channels;
using Triggers.Core.Contacts;
using Triggers.Core.Guardrails;
using Triggers.Core.Rules;
using Triggers.Core.Signals;
using Triggers.Core.Touchpoints;

namespace Triggers.Hosting.Touchpoints;

/// <summary>The guardrails as a touchpoint is planned: blocked ones are recorded as blocked, deferred ones with their new due time.</summary>
public sealed class PlanningGuardrails(ChannelRegistry channels, GuardrailPolicies guardrails, IContactStateStore contacts, ISendLedger ledger)
{
    public string PlatformOf(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return channels.Find(signal.Channel)?.Platform ?? signal.Platform;
    }

    public async Task<Touchpoint> ApplyAsync(Touchpoint touchpoint, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        var policy = guardrails.For(touchpoint.Tenant);
        var platform = touchpoint.Platform ?? channels.Find(touchpoint.Channel)?.Platform ?? string.Empty;
        var context = await GuardrailFacts.LoadAsync(touchpoint, platform, policy, contacts, ledger, GuardrailStage.Planning, now, cancellationToken);
        return GuardrailEvaluator.Evaluate(touchpoint, context, policy).ApplyTo(touchpoint);
    }
}
