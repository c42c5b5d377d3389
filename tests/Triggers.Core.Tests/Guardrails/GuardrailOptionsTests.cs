using Triggers.Core.Guardrails;

namespace Triggers.Core.Tests.Guardrails;

/// <summary>Defaults, and validation that names the setting and says what to do.</summary>
public sealed class GuardrailOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_as_documented()
    {
        var options = new GuardrailOptions();

        Assert.Empty(options.Validate());
        Assert.Equal(("Asia/Shanghai", new TimeOnly(22, 0), new TimeOnly(8, 0), TimeSpan.FromMinutes(30)),
            (options.TimeZone, options.QuietHoursStart, options.QuietHoursEnd, options.QuietHoursSlack));
        Assert.Equal((3, 10, 0.1, 2, 9), (options.PerDay, options.PerWeek, options.SlackShare, options.AutomatedPerDay, options.AutomatedPerWeek));
        Assert.Equal((HumanPrecedenceMode.Cancel, TimeSpan.FromHours(2)), (options.HumanPrecedence, options.PostponeBy));
        Assert.Equal(["退订", "TD", "unsubscribe"], options.OptOutKeywords);
        Assert.Equal(["订阅", "subscribe"], options.OptInKeywords);
        Assert.Equal(TimeSpan.FromHours(10), options.QuietHoursLength);
    }

    [Theory]
    [InlineData("Mars/Olympus", "TimeZone \"Mars/Olympus\" is not a time zone known on this machine: use an IANA id such as Asia/Shanghai")]
    [InlineData(" ", "TimeZone is empty: set an IANA time zone id such as Asia/Shanghai")]
    public void An_unknown_time_zone_is_named(string zone, string expected)
    {
        Assert.Equal(expected, Assert.Single(new GuardrailOptions { TimeZone = zone }.Validate()));
    }

    [Fact]
    public void A_quiet_window_that_starts_when_it_ends_is_a_problem()
    {
        var problems = new GuardrailOptions { QuietHoursStart = new(8, 0), QuietHoursEnd = new(8, 0) }.Validate();

        Assert.StartsWith("QuietHoursStart and QuietHoursEnd are both 08:00", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_slack_longer_than_the_day_between_quiet_windows_is_a_problem()
    {
        var problems = new GuardrailOptions { QuietHoursStart = new(20, 0), QuietHoursEnd = new(10, 0), QuietHoursSlack = TimeSpan.FromHours(11) }.Validate();

        Assert.Contains("between 10:00 and 20:00", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Caps_below_one_and_a_share_outside_zero_to_one_are_each_reported()
    {
        var problems = new GuardrailOptions { PerDay = 0, PerWeek = -1, SlackShare = 1 }.Validate();

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("PerDay 0 must be at least 1", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("PerWeek -1 must be at least 1", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("SlackShare 1 is outside [0, 1)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cap_that_leaves_automation_nothing_is_a_problem()
    {
        var problem = Assert.Single(new GuardrailOptions { PerDay = 1 }.Validate());

        Assert.Equal("PerDay 1 with SlackShare 0.1 leaves automation no touch a day (floor(1 × 0.9)): raise PerDay or lower SlackShare", problem);
    }

    [Fact]
    public void Postponing_by_nothing_an_unknown_mode_and_odd_keywords_are_reported()
    {
        var problems = new GuardrailOptions
        {
            PostponeBy = TimeSpan.Zero,
            HumanPrecedence = (HumanPrecedenceMode)7,
            OptOutKeywords = ["退订", " "],
            OptInKeywords = ["td"],
        }.Validate();

        Assert.Equal(
            [
                "HumanPrecedence 7 is not a mode: use Cancel or Postpone",
                "PostponeBy 00:00:00 must be positive: it is how long after a person's message an automated touch waits",
                "OptOutKeywords[1] is empty: a keyword must have text, or remove it",
            ],
            problems);

        var both = new GuardrailOptions { OptInKeywords = ["td"] }.Validate();
        Assert.Equal("\"TD\" is both an opt-out and an opt-in keyword: keep it in one of OptOutKeywords and OptInKeywords", Assert.Single(both));
    }
}
