namespace Triggers.Core.Simulation.Memory;

/// <summary>The simulator's clock: set to each replayed signal's processing time, so the pipeline decides as it did then.</summary>
internal sealed class ReplayClock : TimeProvider
{
    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}
