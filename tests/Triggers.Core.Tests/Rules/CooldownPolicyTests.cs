using Triggers.Core.Rules;

namespace Triggers.Core.Tests.Rules;

public sealed class CooldownPolicyTests
{
    private static readonly DateTimeOffset Fired = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);
    private static readonly CooldownEntry Last = new(Fired, "sig-a");

    [Fact]
    public void A_rule_without_a_cooldown_always_fires_and_records_nothing()
    {
        Assert.Equal(CooldownVerdict.Fire, CooldownPolicy.Decide(null, Last, "sig-b", Fired.AddSeconds(1)));
        Assert.Equal(CooldownVerdict.Fire, CooldownPolicy.Decide(TimeSpan.Zero, Last, "sig-b", Fired.AddSeconds(1)));
    }

    [Fact]
    public void The_first_firing_for_a_contact_fires_and_is_recorded()
    {
        Assert.Equal(CooldownVerdict.FireAndRecord, CooldownPolicy.Decide(OneDay, null, "sig-a", Fired));
    }

    [Fact]
    public void Another_signal_inside_the_cooldown_is_blocked_even_one_tick_before_it_ends()
    {
        Assert.Equal(CooldownVerdict.Blocked, CooldownPolicy.Decide(OneDay, Last, "sig-b", Fired.AddHours(1)));
        Assert.Equal(CooldownVerdict.Blocked, CooldownPolicy.Decide(OneDay, Last, "sig-b", Fired + OneDay - TimeSpan.FromTicks(1)));
    }

    [Fact]
    public void A_signal_exactly_when_the_cooldown_ends_fires_and_moves_the_entry_forward()
    {
        Assert.Equal(CooldownVerdict.FireAndRecord, CooldownPolicy.Decide(OneDay, Last, "sig-b", Fired + OneDay));
    }

    [Fact]
    public void A_redelivery_of_the_signal_that_fired_still_fires_and_leaves_the_entry_alone()
    {
        Assert.Equal(CooldownVerdict.Fire, CooldownPolicy.Decide(OneDay, Last, "sig-a", Fired));
    }

    [Fact]
    public void A_late_arriving_older_signal_inside_the_cooldown_is_blocked_and_one_well_before_fires_without_moving_the_entry_back()
    {
        Assert.Equal(CooldownVerdict.Blocked, CooldownPolicy.Decide(OneDay, Last, "sig-old", Fired.AddHours(-3)));
        Assert.Equal(CooldownVerdict.Fire, CooldownPolicy.Decide(OneDay, Last, "sig-older", Fired.AddDays(-2)));
    }
}
