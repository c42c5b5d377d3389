using System.Diagnostics;

namespace Triggers.Hosting.Processing;

/// <summary>
/// The app's own traces: one signal is one trace from the webhook (or relay) through processing to dispatch, because the
/// trace context travels with the signal on the queue and with the touchpoint in its table row.
/// </summary>
public static class TriggersTelemetry
{
    /// <summary>The ActivitySource name to add to a tracer (the function app does, for Application Insights).</summary>
    public const string SourceName = "Triggers";

    public static ActivitySource Source { get; } = new(SourceName);

    /// <summary>The W3C traceparent of the current activity, or null when nothing is tracing.</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>Starts an activity that continues the trace <paramref name="traceParent"/> names (or a new one); null when nobody listens.</summary>
    public static Activity? StartContinuing(string name, ActivityKind kind, string? traceParent) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, null, out var parent)
            ? Source.StartActivity(name, kind, parent)
            : Source.StartActivity(name, kind);
}
