using Triggers.Core.Analysis;
using Triggers.Core.Processing;
using Triggers.Core.Rules;
using Triggers.Core.Signals;
using Triggers.Core.Simulation;
using Triggers.Core.Tests.Support;

namespace Triggers.Core.Tests.Simulation;

public sealed class RuleSimulatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    private static readonly RuleDefinition[] Rules =
    [
        TestSignals.Rule("every-message", when: """{"==":[{"var":"signal.kind"},"message"]}""", priority: 10),
        TestSignals.Rule(
            "negative-handoff",
            when: """{"==":[{"var":"sentiment.label"},"negative"]}""",
            then: """[{"type":"handoff","text":"请人工跟进"},{"type":"alert","text":"负面","delay":"PT10M","slack":0}]""",
            priority: 5,
            cooldown: "P1D"),
        TestSignals.Rule("broken", when: """{"teleport":[1]}"""),
    ];

    // A: negative at 0h, 1h (inside the cooldown), 30h (after it); B: negative at 2h; A follows at 3h.
    private static readonly ProcessedSignal[] Signals =
    [
        Processed("s1", "A", SignalKinds.Message, negative: true, T0),
        Processed("s2", "A", SignalKinds.Message, negative: true, T0.AddHours(1)),
        Processed("s3", "B", SignalKinds.Message, negative: true, T0.AddHours(2)),
        Processed("s4", "A", SignalKinds.Follow, negative: false, T0.AddHours(3)),
        Processed("s5", "A", SignalKinds.Message, negative: true, T0.AddHours(30)),
    ];

    private static ProcessedSignal Processed(string id, string actor, string kind, bool negative, DateTimeOffset at) => new(
        TestSignals.Message(id) with { Kind = kind, Actor = new SignalActor(actor, null), OccurredAt = at, ReceivedAt = at },
        negative ? TestSignals.Angry() : TextAnalysis.Neutral("test"),
        at.AddSeconds(2));

    private static RuleSimulation Result(SimulationReport report, string id) => Assert.Single(report.Results, r => r.Id == id);

    [Fact]
    public async Task Five_signals_through_three_rules_give_the_hand_counted_matches_and_touchpoints()
    {
        var report = await RuleSimulator.RunAsync(SimulationRules.Draft(Rules), Signals, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(5, report.Signals);
        var every = Result(report, "every-message");
        Assert.Equal((4, 0, 4), (every.Matched, every.CooledDown, every.Touchpoints.Count));
        var handoff = Result(report, "negative-handoff");
        Assert.Equal((4, 1, 6), (handoff.Matched, handoff.CooledDown, handoff.Touchpoints.Count));
        Assert.Equal(["s1", "s1", "s3", "s3", "s5", "s5"], handoff.Touchpoints.Select(t => t.SignalId));
        var broken = Result(report, "broken");
        Assert.Equal((0, 0), (broken.Matched, broken.Touchpoints.Count));
        Assert.Contains(broken.Problems, p => p.Contains("teleport", StringComparison.Ordinal));
        Assert.Equal(3, report.Results.Count);
    }

    [Fact]
    public async Task Planned_touchpoints_carry_type_channel_contact_a_due_time_and_what_the_signal_that_set_them_off_said()
    {
        var report = await RuleSimulator.RunAsync(SimulationRules.Draft(Rules), Signals, cancellationToken: TestContext.Current.CancellationToken);

        var first = Result(report, "negative-handoff").Touchpoints.Take(2).ToList();
        Assert.Equal(new SimulatedTouchpoint("handoff", "wechat-main", "A", T0.AddSeconds(2), "s1", SignalText: "我要退款", SignalAt: T0), first[0]);
        Assert.Equal(new SimulatedTouchpoint("alert", "wechat-main", "A", T0.AddMinutes(10), "s1", SignalText: "我要退款", SignalAt: T0), first[1]);
    }

    [Fact]
    public async Task The_order_signals_arrive_in_does_not_change_the_cooldown_outcome()
    {
        var forwards = await RuleSimulator.RunAsync(SimulationRules.Draft(Rules), Signals, cancellationToken: TestContext.Current.CancellationToken);
        var backwards = await RuleSimulator.RunAsync(SimulationRules.Draft(Rules), Signals.Reverse(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(
            Result(forwards, "negative-handoff").Touchpoints,
            Result(backwards, "negative-handoff").Touchpoints);
    }

    [Fact]
    public async Task A_disabled_rule_in_a_draft_is_simulated_as_enabled_and_marked_so()
    {
        var draft = SimulationRules.Draft([TestSignals.Rule("off", enabled: false)]);

        var report = await RuleSimulator.RunAsync(draft, Signals, cancellationToken: TestContext.Current.CancellationToken);

        var off = Result(report, "off");
        Assert.True(off.SimulatedAsEnabled);
        Assert.Equal((5, 5), (off.Matched, off.Touchpoints.Count));
        Assert.Contains(report.Notes, n => n.Contains("simulated as if enabled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_day_of_ordinary_messages_is_not_blocked()
    {
        var report = await RuleSimulator.RunAsync(SimulationRules.Draft(Rules), Signals, cancellationToken: TestContext.Current.CancellationToken);

        Assert.All(report.Results, r => Assert.Empty(r.BlockedBy));
        Assert.All(report.Results.SelectMany(r => r.Touchpoints), t => Assert.Equal("planned", t.Status));
    }

    [Fact]
    public async Task Emotion_is_recomputed_from_the_range_so_a_rule_on_a_topics_emotion_fires_only_for_the_contact_who_named_the_topic()
    {
        var worried = new TextAnalysis("negative", new SentimentScores(0.05, 0.1, 0.85), ["range_anxiety"], "test")
        {
            Mentions = [new TopicMention("range_anxiety", "续航", "续航太短了", "negative", new SentimentScores(0.05, 0.1, 0.85))],
        };
        ProcessedSignal[] signals =
        [
            Processed("e1", "A", SignalKinds.Message, negative: false, T0) with { Analysis = worried },
            Processed("e2", "B", SignalKinds.Message, negative: true, T0.AddMinutes(1)),
        ];
        var rule = TestSignals.Rule("range-worry", when: """{">":[{"var":"emotion.range_anxiety.intensity"},0]}""");

        var report = await RuleSimulator.RunAsync(SimulationRules.Draft([rule]), signals, cancellationToken: TestContext.Current.CancellationToken);

        var touchpoint = Assert.Single(Result(report, "range-worry").Touchpoints);
        Assert.Equal("A", touchpoint.Contact);
    }

    [Fact]
    public async Task A_contact_who_unfollowed_is_reported_as_blocked_by_consent()
    {
        ProcessedSignal[] signals =
        [
            Processed("u1", "A", SignalKinds.Unfollow, negative: false, T0),
            Processed("u2", "A", SignalKinds.Message, negative: false, T0.AddHours(1)),
        ];

        var report = await RuleSimulator.RunAsync(SimulationRules.Draft([TestSignals.Rule("every-message", when: """{"==":[{"var":"signal.kind"},"message"]}""")]), signals, cancellationToken: TestContext.Current.CancellationToken);

        var result = Result(report, "every-message");
        var touchpoint = Assert.Single(result.Touchpoints);
        Assert.Equal(("blocked", "consent"), (touchpoint.Status, touchpoint.Guardrail));
        Assert.Equal(1, result.BlockedBy["consent"]);
    }

    [Fact]
    public async Task A_message_at_half_past_eleven_in_Shanghai_is_deferred_to_the_morning_not_blocked()
    {
        var late = new DateTimeOffset(2026, 11, 20, 23, 30, 0, TimeSpan.FromHours(8));

        var report = await RuleSimulator.RunAsync(SimulationRules.Draft([TestSignals.Rule("every-message")]), [Processed("q1", "A", SignalKinds.Message, negative: false, late)], cancellationToken: TestContext.Current.CancellationToken);

        var touchpoint = Assert.Single(Result(report, "every-message").Touchpoints);
        Assert.Equal(("planned", "quiet-hours"), (touchpoint.Status, touchpoint.Guardrail));
        Assert.InRange(touchpoint.DueAt, new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.FromHours(8)), new DateTimeOffset(2026, 11, 21, 8, 30, 0, TimeSpan.FromHours(8)));
        Assert.Empty(Result(report, "every-message").BlockedBy);
    }

    [Fact]
    public async Task Automation_gets_two_of_a_contacts_three_daily_touches_and_the_rest_are_blocked_by_the_cap()
    {
        var signals = Enumerable.Range(0, 4).Select(i => Processed("c" + i, "A", SignalKinds.Message, negative: false, T0.AddMinutes(10 * i))).ToArray();

        var report = await RuleSimulator.RunAsync(SimulationRules.Draft([TestSignals.Rule("every-message")]), signals, cancellationToken: TestContext.Current.CancellationToken);

        var result = Result(report, "every-message");
        Assert.Equal(["planned", "planned", "blocked", "blocked"], result.Touchpoints.Select(t => t.Status));
        Assert.Equal(2, result.BlockedBy["frequency-cap"]);
    }

    [Fact]
    public async Task Live_rules_leave_disabled_rules_out_and_a_tenant_filter_keeps_other_tenants_out()
    {
        var live = SimulationRules.Live(
            RuleSet.Compile([TestSignals.Rule("on"), TestSignals.Rule("off", enabled: false), TestSignals.Rule("theirs", tenant: "other")]),
            []);

        var report = await RuleSimulator.RunAsync(live, Signals, tenant: "default", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("live", report.Rules);
        var on = Assert.Single(report.Results);
        Assert.Equal(("on", 5, false), (on.Id, on.Matched, on.SimulatedAsEnabled));
    }

    [Fact]
    public async Task A_simulation_reports_its_progress_from_none_to_every_signal_decided()
    {
        var told = new List<(int Done, int Total)>();
        await RuleSimulator.RunAsync(SimulationRules.Draft(Rules), Signals, cancellationToken: TestContext.Current.CancellationToken, progress: (done, total) =>
        {
            told.Add((done, total));
            return ValueTask.CompletedTask;
        });

        Assert.Equal([(0, 5), (1, 5), (2, 5), (3, 5), (4, 5), (5, 5)], told);
    }
}
