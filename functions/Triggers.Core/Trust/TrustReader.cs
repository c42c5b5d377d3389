using System.Text.Json.Nodes;

namespace Triggers.Core.Trust;

/// <summary>Reads a person's trust: the states of all its accounts, combined by <see cref="TrustScore"/>.</summary>
public static class TrustReader
{
    /// <summary>The person's trust now; <paramref name="known"/> is a state already read (one of the accounts), so it is not read again.</summary>
    public static async Task<TrustView> ViewAsync(
        ITrustStore store, string tenant, IEnumerable<string> accounts, TrustSettings settings, DateTimeOffset now, CancellationToken cancellationToken, TrustState? known = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(accounts);
        var states = new List<TrustState>();
        if (known is not null)
        {
            states.Add(known);
        }

        foreach (var account in accounts.Distinct(StringComparer.Ordinal).Where(a => a != known?.Account))
        {
            if (await store.GetAsync(tenant, account, cancellationToken) is { } state)
            {
                states.Add(state);
            }
        }

        return TrustScore.Compute(states, settings, now);
    }

    /// <summary>What rules see as <c>contact.trust</c>: <c>score</c> and each component's score by name.</summary>
    public static JsonObject ToLogicData(TrustView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var data = new JsonObject { ["score"] = view.Score };
        foreach (var (name, component) in view.Components)
        {
            data[name] = component.Score;
        }

        return data;
    }
}
