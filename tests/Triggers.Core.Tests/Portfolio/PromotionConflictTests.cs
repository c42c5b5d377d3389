using Triggers.Core.Analysis;
using Triggers.Core.Decisions;
using Triggers.Core.Emotion;
using Triggers.Core.Guardrails;
using Triggers.Core.Portfolio;
using Triggers.Core.Processing;
using Triggers.Core.Signals;
using Triggers.Core.Simulation;
using Triggers.Core.StaffTables;
using Triggers.Core.Tests.Support;
using Triggers.Core.Touchpoints;

namespace Triggers.Core.Tests.Portfolio;

/// <summary>The promotion-conflict guardrail: coupons wait out another platform's exclusive window and never undercut its running promotion.</summary>
public sealed class PromotionConflictTests
{
    // 2026-11-20 10:00 in Shanghai: daytime, so quiet hours stay out of the way.
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
    private static readonly GuardrailOptions Options = new() { QuietHoursEnabled = false, PerDay = 10, PerWeek = 50 };

    private static readonly Promotion DouyinLive = new("default", "double-12-live", "douyin", Now.AddHours(-1), Now.AddHours(23), 0.2, "livestream", TimeSpan.FromHours(3));

    private static Touchpoint Coupon(double? depth, string type = "coupon") => Guardrails.GuardrailFixtures.Touchpoint(Now, type) with { Depth = depth };

    private static GuardrailContext Context(params Promotion[] promotions) => new()
    {
        Now = Now, Policy = PlatformPolicies.For("wechat"), Stage = GuardrailStage.Dispatch, Promotions = promotions,
        Contact = Guardrails.GuardrailFixtures.Contact(lastInbound: Now.AddMinutes(-5)),
    };

    [Fact]
    public void A_coupon_during_another_platforms_exclusive_window_waits_until_it_ends_plus_slack()
    {
        var decision = Assert.IsType<GuardrailDecision.Defer>(GuardrailEvaluator.Evaluate(Coupon(0.1), Context(DouyinLive), Options));

        Assert.Equal(GuardrailNames.PromotionConflict, decision.Guardrail);
        Assert.InRange(decision.Until, Now.AddHours(2), Now.AddHours(2) + Options.QuietHoursSlack);
        Assert.Contains("douyin's promotion double-12-live has an exclusive window until", decision.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void After_the_window_a_coupon_deeper_than_the_running_promotion_plus_the_margin_is_blocked_and_one_within_it_goes()
    {
        var later = DouyinLive with { Start = Now.AddHours(-5) };

        var deep = Assert.IsType<GuardrailDecision.Block>(GuardrailEvaluator.Evaluate(Coupon(0.3), Context(later), Options));
        var near = GuardrailEvaluator.Evaluate(Coupon(0.24), Context(later), Options);
        var plain = GuardrailEvaluator.Evaluate(Coupon(null), Context(later), Options);
        var message = GuardrailEvaluator.Evaluate(Coupon(0.5, "message"), Context(later), Options);
        var sameHome = GuardrailEvaluator.Evaluate(Coupon(0.5), Context(later with { Platform = "wechat" }), Options);

        Assert.Equal(GuardrailNames.PromotionConflict, deep.Guardrail);
        Assert.Contains("would undercut douyin's running promotion double-12-live", deep.Detail, StringComparison.Ordinal);
        Assert.All([near, plain, message, sameHome], d => Assert.IsType<GuardrailDecision.Allow>(d));
    }

    [Fact]
    public async Task Simulation_reports_the_same_deferral_and_block_as_the_worker()
    {
        var rules = SimulationRules.Draft(
        [
            TestSignals.Rule("deep-coupon", when: """{"==":[{"var":"signal.text"},"deep"]}""", then: """[{"type":"coupon","template":"c","depth":0.4}]"""),
            TestSignals.Rule("any-coupon", when: """{"==":[{"var":"signal.text"},"any"]}""", then: """[{"type":"coupon","template":"c"}]"""),
        ]);
        ProcessedSignal[] signals =
        [
            new(TestSignals.Message("s1", "any") with { Channel = "wx", Platform = "wechat", OccurredAt = Now, ReceivedAt = Now }, TextAnalysis.Neutral("test"), Now),
            new(TestSignals.Message("s2", "deep") with { Channel = "wx", Platform = "wechat", OccurredAt = Now.AddHours(4), ReceivedAt = Now.AddHours(4) }, TextAnalysis.Neutral("test"), Now.AddHours(4)),
        ];
        var settings = new DecisionSettings
        {
            Guardrails = _ => Options,
            PlatformOf = channel => channel == "wx" ? "wechat" : null,
            Emotion = new EmotionOptions(),
            Promotions = (_, _) => ValueTask.FromResult<IReadOnlyList<Promotion>>([DouyinLive]),
        };

        var report = await RuleSimulator.RunAsync(rules, signals, settings: settings, cancellationToken: TestContext.Current.CancellationToken);

        var deferred = Assert.Single(Assert.Single(report.Results, r => r.Id == "any-coupon").Touchpoints);
        var blocked = Assert.Single(Assert.Single(report.Results, r => r.Id == "deep-coupon").Touchpoints);
        Assert.Equal(("planned", GuardrailNames.PromotionConflict), (deferred.Status, deferred.Guardrail));
        Assert.Equal(("blocked", GuardrailNames.PromotionConflict), (blocked.Status, blocked.Guardrail));
    }

    [Fact]
    public void Promotion_rows_typed_by_hand_load_and_a_broken_row_says_which_field()
    {
        var set = PromotionSet.Compile(
        [
            new StaffRow("brand", "618", new Dictionary<string, object?> { ["Platform"] = "taobao", ["Start"] = "2026-06-01T00:00:00+08:00", ["End"] = "2026-06-19T00:00:00+08:00", ["Depth"] = "0.3", ["Exclusive"] = "P2D" }),
            new StaffRow("brand", "bad", new Dictionary<string, object?> { ["Platform"] = "douyin", ["Start"] = "2026-06-10", ["End"] = "2026-06-01", ["Depth"] = 30 }),
        ]);

        var promotion = Assert.Single(set.For("brand"));
        Assert.Equal((0.3, TimeSpan.FromDays(2)), (promotion.Depth, promotion.Exclusive));
        Assert.Equal(["End (2026-06-01T00:00:00.0000000+00:00) is not after Start (2026-06-10T00:00:00.0000000+00:00).", "Depth is '30': write the discount as a fraction from 0 to below 1 (0.2 is 20 % off)."],
            set.Problems.Select(p => p.Problem));
    }
}
