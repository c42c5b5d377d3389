using Triggers.Core.Guardrails;
using static Triggers.Core.Tests.Guardrails.GuardrailFixtures;

namespace Triggers.Core.Tests.Guardrails;

/// <summary>Retries back off exponentially with jitter seeded by touchpoint and attempt.</summary>
public sealed class RetryBackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Max = TimeSpan.FromHours(1);

    [Fact]
    public void The_same_touchpoint_and_attempt_always_wait_the_same()
    {
        var first = Enumerable.Range(1, 10).Select(a => RetryBackoff.Next(Id(1), a, Base, Max)).ToList();
        var again = Enumerable.Range(1, 10).Select(a => RetryBackoff.Next(Id(1), a, Base, Max)).ToList();

        Assert.Equal(first, again);
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1920)]
    [InlineData(8, 3600)]
    [InlineData(200, 3600)]
    public void Each_wait_is_between_half_and_all_of_the_doubled_step_capped_at_the_maximum(int attempt, int stepSeconds)
    {
        var step = TimeSpan.FromSeconds(stepSeconds);

        Assert.All(Enumerable.Range(0, 100), i => Assert.InRange(RetryBackoff.Next(Id(i), attempt, Base, Max), step / 2, step));
    }

    [Fact]
    public void Touchpoints_failing_together_do_not_retry_in_lockstep()
    {
        var waits = Enumerable.Range(0, 100).Select(i => RetryBackoff.Next(Id(i), 3, Base, Max)).ToList();

        Assert.True(waits.Distinct().Count() > 95);
    }

    [Fact]
    public void Attempts_below_one_and_a_maximum_below_the_base_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RetryBackoff.Next(Id(1), 0, Base, Max));
        Assert.Throws<ArgumentOutOfRangeException>(() => RetryBackoff.Next(Id(1), 1, Base, TimeSpan.FromSeconds(1)));
    }
}
