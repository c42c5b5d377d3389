using Triggers.Core.Guardrails;
using Triggers.Core.Rules;
using Triggers.Core.Touchpoints;
using static Triggers.Core.Tests.Guardrails.GuardrailFixtures;

namespace Triggers.Core.Tests.Guardrails;

/// <summary>What each platform's terms allow: WeChat's 48-hour window, and uses a platform bans.</summary>
public sealed class PlatformPolicyTests
{
    private static readonly DateTimeOffset Noon = At(5, 12, 0);

    /// <summary>The action's uses as the planner records them on the touchpoint.</summary>
    private static string Using(params string[] uses) => string.Join(' ', uses);

    [Fact]
    public void A_WeChat_message_49_hours_after_the_contacts_last_message_is_blocked_by_platform_policy()
    {
        var decision = Evaluate(Touchpoint(Noon), Context(Noon, Contact(lastInbound: Noon.AddHours(-49))));

        var block = Assert.IsType<GuardrailDecision.Block>(decision);
        Assert.Equal(GuardrailNames.PlatformPolicy, block.Guardrail);
        Assert.Contains("wechat lets a message reach a contact only within 48 h of their last message", block.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_WeChat_message_47_hours_after_the_contacts_last_message_is_allowed()
    {
        Assert.IsType<GuardrailDecision.Allow>(Evaluate(Touchpoint(Noon), Context(Noon, Contact(lastInbound: Noon.AddHours(-47)))));
    }

    [Fact]
    public void When_planning_the_window_is_judged_at_the_due_time()
    {
        // Planned now, 1 h after the contact wrote, but due 49 h after.
        var now = Noon.AddHours(-48);
        var touchpoint = Touchpoint(Noon, plannedAt: now);

        var decision = Evaluate(touchpoint, Context(now, Contact(lastInbound: Noon.AddHours(-49))));

        Assert.Equal(GuardrailNames.PlatformPolicy, Assert.IsType<GuardrailDecision.Block>(decision).Guardrail);
    }

    [Fact]
    public void A_WeChat_message_to_a_contact_who_never_wrote_is_blocked()
    {
        var block = Assert.IsType<GuardrailDecision.Block>(Evaluate(Touchpoint(Noon), Context(Noon, Contact(lastInbound: null))));

        Assert.Contains("none is on record", block.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("invite")]
    [InlineData("coupon")]
    public void The_window_holds_invites_and_coupons_too(string type)
    {
        var decision = Evaluate(Touchpoint(Noon, type), Context(Noon, Contact(lastInbound: Noon.AddHours(-49))));

        Assert.IsType<GuardrailDecision.Block>(decision);
    }

    [Theory]
    [InlineData("tag")]
    [InlineData("handoff")]
    [InlineData("alert")]
    public void Actions_on_our_side_ignore_the_window(string type)
    {
        Assert.IsType<GuardrailDecision.Allow>(Evaluate(Touchpoint(Noon, type), Context(Noon, Contact(lastInbound: null))));
    }

    [Fact]
    public void WeCom_external_contacts_have_no_window()
    {
        var decision = Evaluate(Touchpoint(Noon), Context(Noon, Contact(lastInbound: Noon.AddDays(-30)), platform: "wecom"));

        Assert.IsType<GuardrailDecision.Allow>(decision);
    }

    [Fact]
    public void A_use_the_platform_bans_is_blocked_whatever_the_action_type()
    {
        var livestream = Using(ActionUses.DigitalHumanLivestream);

        foreach (var (platform, type) in new[] { ("douyin", "message"), ("kuaishou", "alert"), ("douyin", "tag") })
        {
            var decision = GuardrailEvaluator.Evaluate(Touchpoint(Noon, type) with { Uses = livestream }, Context(Noon, platform: platform), new GuardrailOptions());

            var block = Assert.IsType<GuardrailDecision.Block>(decision);
            Assert.Equal(GuardrailNames.PlatformPolicy, block.Guardrail);
            Assert.StartsWith($"{platform} does not allow digital-human-livestream", block.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void WeChat_bans_outbound_calls_and_says_the_ban_is_a_default_to_confirm()
    {
        var decision = GuardrailEvaluator.Evaluate(Touchpoint(Noon) with { Uses = Using(ActionUses.OutboundCall) }, Context(Noon), new GuardrailOptions());

        Assert.Contains("a default to confirm with the platform", Assert.IsType<GuardrailDecision.Block>(decision).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_generic_platform_bans_nothing()
    {
        var decision = GuardrailEvaluator.Evaluate(
            Touchpoint(Noon) with { Uses = Using(ActionUses.OutboundCall, ActionUses.DigitalHumanLivestream) }, Context(Noon, platform: "generic"), new GuardrailOptions());

        Assert.IsType<GuardrailDecision.Allow>(decision);
    }

    [Fact]
    public void The_embedded_data_covers_every_platform_and_marks_where_each_ban_comes_from()
    {
        string[] platforms = ["wechat", "wecom", "wechat-shop", "douyin", "doudian", "kuaishou", "xiaohongshu", "bilibili", "generic"];

        Assert.Equal(platforms.Order(StringComparer.Ordinal), PlatformPolicies.All.Keys.Order(StringComparer.Ordinal));
        Assert.All(PlatformPolicies.All.Values.SelectMany(p => p.Bans), ban => Assert.Contains(ban.Basis, PolicyBasis.All));
        Assert.Equal(PolicyBasis.PublicRule, PlatformPolicies.For("douyin").BanOn(ActionUses.DigitalHumanLivestream)!.Basis);
        Assert.Equal(PolicyBasis.DefaultToConfirm, PlatformPolicies.For("kuaishou").BanOn(ActionUses.DigitalHumanLivestream)!.Basis);
        Assert.NotNull(PlatformPolicies.For("wechat").BanOn(ActionUses.OutboundCall));
    }

    [Fact]
    public void WeChat_has_a_48_hour_window_on_messages_invites_and_coupons()
    {
        var wechat = PlatformPolicies.For("wechat");

        Assert.Equal(TimeSpan.FromHours(48), wechat.ContactWindow);
        Assert.Equal(["coupon", "invite", "message"], wechat.WindowTypes.Order(StringComparer.Ordinal));
        Assert.Null(PlatformPolicies.For("wecom").ContactWindow);
    }

    [Fact]
    public void An_unknown_platform_gets_a_policy_without_window_or_bans()
    {
        var policy = PlatformPolicies.For("myspace");

        Assert.Equal(("myspace", null, 0), (policy.Platform, policy.ContactWindow, policy.Bans.Count));
    }

    [Fact]
    public void Broken_policy_data_is_reported_with_the_platform_and_field()
    {
        const string json = """
            {"platforms": {
              "x": {"contactWindow": "two days", "windowTypes": ["sms"], "banned": [{"use": "fax", "basis": "public-rule"}, {"use": "outbound-call", "basis": "rumour"}]}
            }}
            """;

        var error = Assert.Throws<FormatException>(() => PlatformPolicies.Parse(json));

        Assert.Contains("platforms.x.contactWindow must be a positive ISO-8601 duration", error.Message, StringComparison.Ordinal);
        Assert.Contains("platforms.x.windowTypes: \"sms\" is not an action type", error.Message, StringComparison.Ordinal);
        Assert.Contains("platforms.x.banned[0].use \"fax\" is not a known use", error.Message, StringComparison.Ordinal);
        Assert.Contains("platforms.x.banned[1].basis \"rumour\" must say where the ban comes from", error.Message, StringComparison.Ordinal);
    }
}
