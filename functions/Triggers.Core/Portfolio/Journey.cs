namespace Triggers.Core.Portfolio;

/// <summary>One step of a person's journey: the quadrant they moved into, and when.</summary>
public sealed record JourneyStep(string Quadrant, DateTimeOffset At);

/// <summary>
/// The quadrants a person has moved through, in order (docs/portfolio.md): a step is added when a signal comes from a
/// quadrant other than the last one. <see cref="Version"/> is the store's concurrency token (null: not stored yet).
/// </summary>
public sealed record Journey(string Tenant, string Person, IReadOnlyList<JourneyStep> Steps, string? Version)
{
    /// <summary>The most steps kept: the oldest go first.</summary>
    public const int MaxSteps = 50;

    public static Journey Empty(string tenant, string person) => new(tenant, person, [], null);

    /// <summary>The journey with the step added when it moves to another quadrant; the same journey when it does not.</summary>
    public Journey With(string quadrant, DateTimeOffset at) =>
        Steps.Count > 0 && Steps[^1].Quadrant == quadrant ? this : this with { Steps = [.. Steps.Append(new JourneyStep(quadrant, at)).TakeLast(MaxSteps)] };

    /// <summary>What rules see as <c>contact.journey</c>: the quadrants in order.</summary>
    public IReadOnlyList<string> Quadrants => [.. Steps.Select(s => s.Quadrant)];

    /// <summary>How far along value → emotion → conversion → service the steps since <paramref name="since"/> go, in order (0-4).</summary>
    public int FunnelDepth(DateTimeOffset since)
    {
        var depth = 0;
        foreach (var step in Steps.Where(s => s.At >= since))
        {
            if (depth < Portfolio.Quadrants.All.Count && step.Quadrant == Portfolio.Quadrants.All[depth])
            {
                depth++;
            }
        }

        return depth;
    }
}

/// <summary>Where journeys are kept (table <c>Journeys</c>, PartitionKey tenant, RowKey person).</summary>
public interface IJourneyStore
{
    Task<Journey?> GetAsync(string tenant, string person, CancellationToken cancellationToken);

    /// <summary>Writes the journey guarded by the version it was read at (null: must not exist); false when it changed since.</summary>
    Task<bool> TrySaveAsync(Journey journey, CancellationToken cancellationToken);

    /// <summary>Every journey of the tenant, for the funnel report.</summary>
    IAsyncEnumerable<Journey> ListAsync(string tenant, CancellationToken cancellationToken);
}

/// <summary>Adds a signal's quadrant to its person's journey, once a move; a lost race reads again.</summary>
public sealed class JourneyTracker(IJourneyStore store)
{
    private const int Attempts = 16;

    public async Task<Journey> RecordAsync(string tenant, string person, string quadrant, DateTimeOffset at, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var current = await store.GetAsync(tenant, person, cancellationToken) ?? Journey.Empty(tenant, person);
            var next = current.With(quadrant, at);
            if (ReferenceEquals(next, current) || await store.TrySaveAsync(next, cancellationToken))
            {
                return next;
            }
        }

        throw new InvalidOperationException($"the journey of {person} kept changing during {Attempts} attempts; try again");
    }
}
