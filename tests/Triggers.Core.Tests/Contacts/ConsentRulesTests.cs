using Triggers.Core.Contacts;
using Triggers.Core.Guardrails;
using Triggers.Core.Signals;
using Triggers.Core.Tests.Support;
using Triggers.Core.Touchpoints;

namespace Triggers.Core.Tests.Contacts;

/// <summary>What each signal changes about its contact: last inbound, last agent, and consent.</summary>
public sealed class ConsentRulesTests
{
    private static readonly GuardrailOptions Options = new();
    private static readonly DateTimeOffset T0 = TestSignals.OccurredAt;

    private static Signal Say(string text, int minutes = 0) => TestSignals.Message($"m-{minutes}-{text}", text) with { OccurredAt = T0.AddMinutes(minutes) };

    private static Signal Event(string kind, int minutes = 0) =>
        TestSignals.Message($"e-{kind}-{minutes}", "") with { Kind = kind, Text = null, OccurredAt = T0.AddMinutes(minutes) };

    private static ContactState Run(params Signal[] signals)
    {
        ContactState? state = null;
        foreach (var signal in signals)
        {
            state = ConsentRules.Apply(state, signal, Options, signal.OccurredAt.AddSeconds(1));
        }

        return state!;
    }

    [Fact]
    public void A_first_message_creates_the_contacts_state_with_its_time_as_last_inbound()
    {
        var state = Run(Say("你好"));

        Assert.Equal(("default", "wechat-main", "o-actor-1"), (state.Tenant, state.Channel, state.Contact));
        Assert.Equal((T0, null, false), (state.LastInboundAt, state.LastAgentAt, state.OptedOut));
    }

    [Theory]
    [InlineData(SignalKinds.Comment)]
    [InlineData(SignalKinds.Danmaku)]
    [InlineData(SignalKinds.Follow)]
    [InlineData(SignalKinds.ContactAdded)]
    [InlineData(SignalKinds.Order)]
    [InlineData(SignalKinds.Refund)]
    [InlineData(SignalKinds.Review)]
    public void Inbound_kinds_move_the_last_inbound_time(string kind)
    {
        Assert.Equal(T0.AddMinutes(5), Run(Say("hi"), Event(kind, 5)).LastInboundAt);
    }

    [Fact]
    public void An_agent_message_records_the_person_and_not_the_contact()
    {
        var state = Run(Say("hi"), Event(SignalKinds.AgentMessage, 7));

        Assert.Equal((T0, T0.AddMinutes(7)), (state.LastInboundAt, state.LastAgentAt));
    }

    [Fact]
    public void A_late_delivered_older_message_does_not_move_last_inbound_back()
    {
        Assert.Equal(T0.AddMinutes(10), Run(Say("later", 10), Say("earlier", 2)).LastInboundAt);
    }

    [Fact]
    public void A_timestamp_from_the_future_is_held_to_now()
    {
        var now = T0.AddMinutes(1);

        var state = ConsentRules.Apply(null, Say("hi", 60), Options, now);

        Assert.Equal(now, state.LastInboundAt);
    }

    [Fact]
    public void A_signal_that_changes_nothing_returns_the_same_state_so_the_write_can_be_skipped()
    {
        var state = Run(Say("hi", 10));

        Assert.Same(state, ConsentRules.Apply(state, Say("old", 2), Options, T0.AddHours(1)));
        Assert.Same(state, ConsentRules.Apply(state, Event(SignalKinds.Event, 20), Options, T0.AddHours(1)));
    }

    [Theory]
    [InlineData(SignalKinds.Unfollow)]
    [InlineData(SignalKinds.ContactRemoved)]
    public void Unfollowing_opts_the_contact_out(string kind)
    {
        var state = Run(Say("hi"), Event(kind, 3));

        Assert.Equal((true, "unfollow", T0.AddMinutes(3)), (state.OptedOut, state.ConsentSource, state.ConsentChangedAt));
        Assert.Equal(T0, state.LastInboundAt);
    }

    [Theory]
    [InlineData(SignalKinds.Follow, "follow")]
    [InlineData(SignalKinds.ContactAdded, "contact_added")]
    public void Following_again_opts_the_contact_back_in(string kind, string source)
    {
        var state = Run(Event(SignalKinds.Unfollow, 1), Event(kind, 5));

        Assert.Equal((false, source, T0.AddMinutes(5)), (state.OptedOut, state.ConsentSource, state.ConsentChangedAt));
    }

    [Fact]
    public void The_opt_out_keyword_opts_the_contact_out()
    {
        var state = Run(Say("退订", 4));

        Assert.Equal((true, "keyword:退订"), (state.OptedOut, state.ConsentSource));
    }

    [Theory]
    [InlineData("td")]
    [InlineData("TD")]
    [InlineData(" Td \n")]
    [InlineData("ＴＤ")]
    [InlineData("TD。")]
    [InlineData("Unsubscribe!")]
    public void Opt_out_keywords_match_in_any_case_width_and_with_surrounding_punctuation(string text)
    {
        Assert.True(Run(Say(text)).OptedOut);
    }

    [Theory]
    [InlineData("我不想退订，只是问问")]
    [InlineData("退订了怎么恢复？")]
    [InlineData("how do I unsubscribe")]
    [InlineData("TDD")]
    public void A_keyword_inside_a_longer_message_does_not_opt_out(string text)
    {
        // Whole-message matching, as WeChat's own 退订 handling: a sentence about unsubscribing is a question, not a request.
        Assert.False(Run(Say(text)).OptedOut);
    }

    [Fact]
    public void A_comment_saying_the_keyword_in_public_does_not_opt_out()
    {
        Assert.False(Run(Say("退订") with { Kind = SignalKinds.Comment }).OptedOut);
    }

    [Fact]
    public void The_opt_in_keyword_after_an_opt_out_opts_back_in()
    {
        var state = Run(Say("退订", 1), Say("订阅", 9));

        Assert.Equal((false, "keyword:订阅", T0.AddMinutes(9)), (state.OptedOut, state.ConsentSource, state.ConsentChangedAt));
    }

    [Fact]
    public void The_opt_in_keyword_without_an_opt_out_changes_nothing_about_consent()
    {
        var state = Run(Say("订阅"));

        Assert.Equal((false, null), (state.OptedOut, state.ConsentSource));
    }

    [Fact]
    public void A_second_opt_out_keeps_the_first_reason()
    {
        var state = Run(Say("退订", 1), Event(SignalKinds.Unfollow, 5));

        Assert.Equal(("keyword:退订", T0.AddMinutes(1)), (state.ConsentSource, state.ConsentChangedAt));
    }

    [Fact]
    public void An_older_follow_delivered_after_a_newer_opt_out_does_not_undo_it()
    {
        var state = Run(Say("退订", 10), Event(SignalKinds.Follow, 2));

        Assert.True(state.OptedOut);
    }

    [Fact]
    public void An_admin_can_opt_a_contact_out_and_a_follow_does_not_undo_it_but_an_admin_can()
    {
        var known = Run(Say("hi"));

        var outByAdmin = ConsentRules.AdminSet(known, "default", "wechat-main", "o-actor-1", optedOut: true, "ops@acme", T0.AddMinutes(1));
        var afterFollow = ConsentRules.Apply(outByAdmin, Event(SignalKinds.Follow, 5), Options, T0.AddMinutes(6));
        var backIn = ConsentRules.AdminSet(afterFollow, "default", "wechat-main", "o-actor-1", optedOut: false, "ops@acme", T0.AddMinutes(7));

        Assert.Equal((true, "admin:ops@acme", T0.AddMinutes(1)), (outByAdmin.OptedOut, outByAdmin.ConsentSource, outByAdmin.ConsentChangedAt));
        Assert.True(afterFollow.OptedOut);
        Assert.Equal((false, "admin:ops@acme"), (backIn.OptedOut, backIn.ConsentSource));
        Assert.Same(backIn, ConsentRules.AdminSet(backIn, "default", "wechat-main", "o-actor-1", optedOut: false, "ops@acme", T0.AddMinutes(8)));
    }

    [Fact]
    public void A_state_of_another_contact_is_refused()
    {
        var other = Run(Say("hi")) with { Contact = "someone-else" };

        Assert.Throws<ArgumentException>(() => ConsentRules.Apply(other, Say("hi"), Options, T0));
    }

    [Fact]
    public void An_opted_out_contact_is_blocked_by_consent_and_following_again_lets_the_touch_through()
    {
        var due = T0.AddHours(1);
        var touchpoint = new Touchpoint
        {
            Id = "tp-1", Tenant = "default", RuleId = "r", RuleVersion = "1", SignalId = "s", ActionIndex = 0, Type = "message",
            Channel = "wechat-main", Contact = "o-actor-1", Status = TouchpointStatus.Planned, DueAt = due, PlannedAt = T0, Why = "w",
        };
        GuardrailDecision Judge(ContactState state) => GuardrailEvaluator.Evaluate(
            touchpoint, new GuardrailContext { Now = T0, Contact = state, Policy = PlatformPolicies.For("wechat"), Stage = GuardrailStage.Planning }, Options);

        var unfollowed = Run(Say("hi"), Event(SignalKinds.Unfollow, 1));
        var block = Assert.IsType<GuardrailDecision.Block>(Judge(unfollowed));

        Assert.Equal(GuardrailNames.Consent, block.Guardrail);
        Assert.IsType<GuardrailDecision.Allow>(Judge(Run(Say("hi"), Event(SignalKinds.Unfollow, 1), Event(SignalKinds.Follow, 2))));
        Assert.IsType<GuardrailDecision.Block>(Judge(Run(Say("TD"))));
    }
}
