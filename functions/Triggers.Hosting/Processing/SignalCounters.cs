using System.Diagnostics.Metrics;

namespace Triggers.Hosting.Processing;

/// <summary>
/// Signals this process has enqueued and decided: the metrics <c>triggers.signals.enqueued</c> and
/// <c>triggers.signals.decided</c> (meter <see cref="MeterName"/>), and the figures the admin health report and the load
/// benchmark read.
/// </summary>
public sealed class SignalCounters
{
    public const string MeterName = "Triggers.Signals";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> EnqueuedCounter = Meter.CreateCounter<long>("triggers.signals.enqueued", description: "Signals durably enqueued by ingest (redeliveries not counted)");
    private static readonly Counter<long> DecidedCounter = Meter.CreateCounter<long>("triggers.signals.decided", description: "Signals the worker decided (a redelivery of a decided one not counted)");

    private long _enqueued;
    private long _decided;

    public long Enqueued => Interlocked.Read(ref _enqueued);

    public long Decided => Interlocked.Read(ref _decided);

    public void AddEnqueued(int count)
    {
        Interlocked.Add(ref _enqueued, count);
        EnqueuedCounter.Add(count);
    }

    public void AddDecided()
    {
        Interlocked.Increment(ref _decided);
        DecidedCounter.Add(1);
    }
}
