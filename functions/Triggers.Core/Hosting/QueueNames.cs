namespace Triggers.Core.Hosting;

/// <summary>Queue names shared by the app, the function catalog and the infrastructure.</summary>
public static class QueueNames
{
    public const string Signals = "signals";
    public const string SignalsPoison = "signals-poison";
    public const string Ingest = "ingest";
    public const string IngestPoison = "ingest-poison";

    /// <summary>Touchpoints that failed for good after the last send attempt, with the reason.</summary>
    public const string TouchpointsPoison = "touchpoints-poison";

    /// <summary>Touchpoint events as CloudEvents, where no Service Bus is configured (docs/events.md).</summary>
    public const string TouchpointEvents = "touchpoint-events";

    /// <summary>Every Storage queue the app creates at start-up.</summary>
    public static IReadOnlyList<string> All { get; } = [Signals, SignalsPoison, Ingest, IngestPoison, TouchpointsPoison, TouchpointEvents];
}
