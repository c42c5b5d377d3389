using Triggers.Core.Contacts;
using Triggers.Core.Guardrails;
using Triggers.Core.Rules;
using Triggers.Core.Signals;
using Triggers.Core.Touchpoints;

namespace Triggers.Core.Simulation;

/// <summary>
/// The guardrails' view of contacts during a simulation, kept in memory: consent and last messages from the replayed
/// signals, and the touches each contact would have received per local day (people's included) for the caps.
/// </summary>
internal sealed class SimulatedContacts
{
    private readonly Dictionary<(string Tenant, string Channel, string Contact), ContactState> _states = [];
    private readonly Dictionary<(string Tenant, string Channel, string Contact, DateOnly Day), (int Total, int Automated)> _touches = [];

    public void Observe(Signal signal, GuardrailOptions policy)
    {
        var key = (signal.Tenant, signal.Channel, signal.Actor.Id);
        _states[key] = ConsentRules.Apply(_states.GetValueOrDefault(key), signal, policy, signal.OccurredAt);
        if (string.Equals(signal.Kind, SignalKinds.AgentMessage, StringComparison.Ordinal))
        {
            Count(signal.Tenant, signal.Channel, signal.Actor.Id, TenantCalendar.LocalDay(signal.OccurredAt, policy.TimeZone), automated: false);
        }
    }

    /// <summary>What the planning-time guardrails would have done with the touchpoint; touches that go ahead are counted.</summary>
    public SimulatedTouchpoint Decide(Touchpoint touchpoint, GuardrailOptions policy, DateTimeOffset now)
    {
        var at = touchpoint.DueAt > now ? touchpoint.DueAt : now;
        var day = TenantCalendar.LocalDay(at, policy.TimeZone);
        var (monday, sunday) = TenantCalendar.WeekOf(at, policy.TimeZone);
        var today = _touches.GetValueOrDefault((touchpoint.Tenant, touchpoint.Channel, touchpoint.Contact, day));
        var week = Week(touchpoint, monday, sunday);
        var context = new GuardrailContext
        {
            Now = now,
            Contact = _states.GetValueOrDefault((touchpoint.Tenant, touchpoint.Channel, touchpoint.Contact)),
            DayTotal = today.Total,
            DayAutomated = today.Automated,
            WeekTotal = week.Total,
            WeekAutomated = week.Automated,
            Policy = PlatformPolicies.For(touchpoint.Platform),
            Stage = GuardrailStage.Planning,
        };

        var decided = GuardrailEvaluator.Evaluate(touchpoint, context, policy).ApplyTo(touchpoint);
        if (decided.Status == TouchpointStatus.Planned)
        {
            // It goes ahead (perhaps later): count it on the day it would go out.
            CountIfCapped(touchpoint, TenantCalendar.LocalDay(decided.DueAt > now ? decided.DueAt : now, policy.TimeZone));
        }

        return new SimulatedTouchpoint(
            decided.Type, decided.Channel, decided.Contact, decided.DueAt, decided.SignalId, decided.Status, decided.Guardrail, decided.StatusReason);
    }

    private void CountIfCapped(Touchpoint touchpoint, DateOnly day)
    {
        if (GuardrailEvaluator.CountsAgainstCaps(touchpoint.Type))
        {
            Count(touchpoint.Tenant, touchpoint.Channel, touchpoint.Contact, day, automated: true);
        }
    }

    private void Count(string tenant, string channel, string contact, DateOnly day, bool automated)
    {
        var key = (tenant, channel, contact, day);
        var (total, automatedCount) = _touches.GetValueOrDefault(key);
        _touches[key] = (total + 1, automatedCount + (automated ? 1 : 0));
    }

    private (int Total, int Automated) Week(Touchpoint touchpoint, DateOnly monday, DateOnly sunday)
    {
        var sum = (Total: 0, Automated: 0);
        for (var day = monday; day <= sunday; day = day.AddDays(1))
        {
            var count = _touches.GetValueOrDefault((touchpoint.Tenant, touchpoint.Channel, touchpoint.Contact, day));
            sum = (sum.Total + count.Total, sum.Automated + count.Automated);
        }

        return sum;
    }
}
