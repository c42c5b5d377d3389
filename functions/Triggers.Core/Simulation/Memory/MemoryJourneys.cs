using System.Globalization;
using System.Runtime.CompilerServices;
using Triggers.Core.Portfolio;

namespace Triggers.Core.Simulation.Memory;

/// <summary>Journeys in memory, with versions that behave like the table's ETags.</summary>
public sealed class MemoryJourneys : IJourneyStore
{
    private readonly Dictionary<(string, string), Journey> _journeys = [];
    private readonly Lock _gate = new();
    private long _version;

    public Task<Journey?> GetAsync(string tenant, string person, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_journeys.GetValueOrDefault((tenant, person)));
        }
    }

    public Task<bool> TrySaveAsync(Journey journey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journey);
        lock (_gate)
        {
            if (_journeys.GetValueOrDefault((journey.Tenant, journey.Person))?.Version != journey.Version)
            {
                return Task.FromResult(false);
            }

            _journeys[(journey.Tenant, journey.Person)] = journey with { Version = (++_version).ToString(CultureInfo.InvariantCulture) };
            return Task.FromResult(true);
        }
    }

    public async IAsyncEnumerable<Journey> ListAsync(string tenant, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<Journey> all;
        lock (_gate)
        {
            all = [.. _journeys.Values.Where(j => j.Tenant == tenant)];
        }

        foreach (var journey in all)
        {
            await Task.Yield();
            yield return journey;
        }
    }
}
