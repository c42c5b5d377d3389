using Triggers.Hosting.Touchpoints;

namespace Triggers.Functions.Timers;

/// <summary>Every minute: send, block or hand off the touchpoints that are due (the outbox dispatcher).</summary>
public sealed class DispatchTouchpoints(TouchpointDispatcher dispatcher)
{
    public const string Schedule = "0 * * * * *";

    [Function(nameof(DispatchTouchpoints))]
    public Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        dispatcher.DispatchOnceAsync(cancellationToken);
}
