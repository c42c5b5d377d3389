namespace Triggers.Testing;

/// <summary>
/// A clock the test sets by hand whose timers still run on real time. FakeTimeProvider is the tests' clock everywhere
/// else; its timers fire only when the test advances it, which suits code that schedules. This one is for code that
/// guards a real call with a TimeProvider-based timeout (an HTTP send, the Language client): the call must time out
/// in real time while the test moves "now" for cooldowns and token expiry.
/// </summary>
internal sealed class SteppedClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
