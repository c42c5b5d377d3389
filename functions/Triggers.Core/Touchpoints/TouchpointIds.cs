using System.Globalization;
using Triggers.Core.Identity;

namespace Triggers.Core.Touchpoints;

/// <summary>
/// Touchpoint ids derive from what caused them (tenant, rule, signal, action), so processing a signal twice
/// yields the same touchpoints. The rule version is left out on purpose: editing a rule must not re-send.
/// </summary>
public static class TouchpointIds
{
    /// <summary>32 lower-case hex characters: safe as a table RowKey and in URLs.</summary>
    public static string Create(string tenant, string ruleId, string signalId, int actionIndex)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenant);
        ArgumentException.ThrowIfNullOrEmpty(ruleId);
        ArgumentException.ThrowIfNullOrEmpty(signalId);
        ArgumentOutOfRangeException.ThrowIfNegative(actionIndex);
        return StableId.From(tenant, ruleId, signalId, actionIndex.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The first 8 bytes of the id's hash: a seed that is the same in every process, unlike string.GetHashCode.</summary>
    internal static ulong Seed(string touchpointId) =>
        ulong.Parse(touchpointId.AsSpan(0, 16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
}
