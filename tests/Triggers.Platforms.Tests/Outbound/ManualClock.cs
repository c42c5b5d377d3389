namespace Triggers.Platforms.Tests.Outbound;

/// <summary>A clock the test moves by hand; timers (the senders' HTTP timeout) still run on real time.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
