using Triggers.Core.Emotion;
using Triggers.Core.Tests.Support;
using Triggers.Core.Touchpoints;

namespace Triggers.Core.Tests.Touchpoints;

/// <summary>The structured why, the emotion peak in the why sentence, the platform and the first wake time.</summary>
public sealed class TouchpointWhyFactsTests
{
    private static EmotionSnapshot Emotion(params TopicEmotion[] topics) =>
        new(topics.ToDictionary(t => t.Topic, StringComparer.Ordinal), null);

    [Fact]
    public void The_facts_hold_the_rule_version_kind_sentiment_and_topics()
    {
        var touchpoint = TouchpointPlanner.Plan(
            PlannerFixtures.Rule, TestSignals.Message(), TestSignals.Angry("refund", "delivery"), null, PlannerFixtures.Now, "wechat")[0];

        var facts = Assert.IsType<TouchpointWhy>(touchpoint.WhyFacts);
        Assert.Equal(("refund-care", "3", "message", "negative", 0.8), (facts.RuleId, facts.RuleVersion, facts.SignalKind, facts.Sentiment, facts.NegativeScore));
        Assert.Equal(["refund", "delivery"], facts.Topics);
        Assert.Empty(facts.Peaks);
    }

    [Fact]
    public void Topics_at_an_emotion_peak_are_listed_and_named_in_the_why_sentence()
    {
        var emotion = Emotion(
            new TopicEmotion("delivery", 0.3, 0.25, Peak: false, Valence: -0.2),
            new TopicEmotion("refund", 0.82, 0.3, Peak: true, Valence: -0.8));

        var touchpoint = TouchpointPlanner.Plan(
            PlannerFixtures.Rule, TestSignals.Message(), TestSignals.Angry("refund", "delivery"), emotion, PlannerFixtures.Now, "wechat")[0];

        Assert.Equal(["refund"], touchpoint.WhyFacts!.Peaks);
        Assert.Contains("at an emotion peak on refund (intensity 0.82 over a baseline of 0.30)", touchpoint.Why, StringComparison.Ordinal);
        Assert.DoesNotContain("peak on delivery", touchpoint.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_peak_the_why_sentence_reads_as_before()
    {
        var emotion = Emotion(new TopicEmotion("refund", 0.4, 0.35, Peak: false, Valence: -0.5));

        var withEmotion = TouchpointPlanner.Plan(PlannerFixtures.Rule, TestSignals.Message(), TestSignals.Angry("refund"), emotion, PlannerFixtures.Now, null);
        var without = TouchpointPlanner.Plan(PlannerFixtures.Rule, TestSignals.Message(), TestSignals.Angry("refund"), PlannerFixtures.Now);

        Assert.Equal(without.Select(t => t.Why), withEmotion.Select(t => t.Why));
        Assert.DoesNotContain("peak", withEmotion[0].Why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signal_without_text_has_no_sentiment_in_its_facts()
    {
        var follow = TestSignals.Message() with { Kind = "follow", Text = null };

        var facts = TouchpointPlanner.Plan(PlannerFixtures.Rule, follow, TestSignals.Angry(), null, PlannerFixtures.Now, null)[0].WhyFacts!;

        Assert.Equal("follow", facts.SignalKind);
        Assert.Null(facts.Sentiment);
        Assert.Null(facts.NegativeScore);
    }

    [Fact]
    public void Touchpoints_on_the_signals_channel_carry_the_given_platform_and_others_none()
    {
        var touchpoints = TouchpointPlanner.Plan(PlannerFixtures.Rule, TestSignals.Message(), TestSignals.Angry(), null, PlannerFixtures.Now, "wecom");

        Assert.Equal(["wecom", "wecom", null], touchpoints.Select(t => t.Platform));
    }

    [Fact]
    public void Without_a_platform_the_signals_own_platform_is_used()
    {
        var touchpoint = TouchpointPlanner.Plan(PlannerFixtures.Rule, TestSignals.Message(), TestSignals.Angry(), PlannerFixtures.Now)[0];

        Assert.Equal("wechat", touchpoint.Platform);
    }

    [Fact]
    public void A_planned_touchpoint_first_wakes_when_it_is_due()
    {
        var touchpoints = TouchpointPlanner.Plan(PlannerFixtures.Rule, TestSignals.Message(), TestSignals.Angry(), null, PlannerFixtures.Now, "wechat");

        Assert.All(touchpoints, t => Assert.Equal(t.DueAt, t.WakeAt));
    }

    [Fact]
    public void The_new_overload_keeps_ids_and_due_times()
    {
        var old = TouchpointPlanner.Plan(PlannerFixtures.Rule, TestSignals.Message(), TestSignals.Angry(), PlannerFixtures.Now);
        var withEmotion = TouchpointPlanner.Plan(
            PlannerFixtures.Rule, TestSignals.Message(), TestSignals.Angry(), EmotionSnapshot.Empty, PlannerFixtures.Now, "wechat");

        Assert.Equal(old.Select(t => (t.Id, t.DueAt)), withEmotion.Select(t => (t.Id, t.DueAt)));
    }
}
