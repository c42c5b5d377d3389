namespace Triggers.Platforms.Tests;

public sealed class ReplayGuardTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("1")]
    [InlineData("1714036504")]
    [InlineData(" 1714036504 ")]
    public void Unix_seconds_parse(string value)
    {
        Assert.True(ReplayGuard.TryParseUnixSeconds(value, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-5")]
    [InlineData("1714036504.5")]
    [InlineData("1e9")]
    [InlineData("99999999999999999999")]
    public void Anything_else_is_not_unix_seconds(string value)
    {
        Assert.False(ReplayGuard.TryParseUnixSeconds(value, out _));
    }

    [Fact]
    public void Unix_seconds_mean_seconds_since_1970_utc()
    {
        Assert.True(ReplayGuard.TryParseUnixSeconds("86400", out var instant));
        Assert.Equal(new DateTimeOffset(1970, 1, 2, 0, 0, 0, TimeSpan.Zero), instant);
    }

    [Fact]
    public void Skew_exactly_equal_to_the_window_is_allowed()
    {
        Assert.Null(ReplayGuard.Check("t", ReceivedAt.AddMinutes(-5), ReceivedAt, TimeSpan.FromMinutes(5)));
        Assert.Null(ReplayGuard.Check("t", ReceivedAt.AddMinutes(5), ReceivedAt, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Replay_message_names_both_times_the_window_and_the_setting()
    {
        var rejected = ReplayGuard.Check("1714036504", new DateTimeOffset(2024, 4, 25, 9, 15, 4, TimeSpan.Zero), ReceivedAt, TimeSpan.FromMinutes(5));

        Assert.NotNull(rejected);
        Assert.Equal(401, rejected.StatusCode);
        Assert.Equal(
            "timestamp 1714036504 (2024-04-25T09:15:04Z) is outside the replay window of 00:05:00 around the receive time 2026-11-22T08:00:00Z; " +
            "check the server clock or widen Webhooks:ReplayWindow",
            rejected.Error);
    }
}
