using Triggers.Core.Signals;
using Triggers.Core.Touchpoints;

namespace Triggers.Hosting.Processing;

/// <summary>
/// Logging scopes with the identity of what is being worked on; structured sinks (OpenTelemetry, Application Insights)
/// turn each entry into a property, so a query by signal id or tenant finds every line about it.
/// </summary>
public static class LogScopes
{
    public static IReadOnlyDictionary<string, object> Signal(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["SignalId"] = signal.Id,
            ["Channel"] = signal.Channel,
            ["Tenant"] = signal.Tenant,
        };
    }

    public static IReadOnlyDictionary<string, object> Touchpoint(Touchpoint touchpoint)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        return new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["TouchpointId"] = touchpoint.Id,
            ["SignalId"] = touchpoint.SignalId,
            ["Channel"] = touchpoint.Channel,
            ["Tenant"] = touchpoint.Tenant,
        };
    }
}
