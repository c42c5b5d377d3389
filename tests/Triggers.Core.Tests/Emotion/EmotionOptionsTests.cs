using Triggers.Core.Emotion;

namespace Triggers.Core.Tests.Emotion;

public sealed class EmotionOptionsTests
{
    [Fact]
    public void The_defaults_are_the_documented_ones_and_valid()
    {
        var options = new EmotionOptions();

        Assert.Equal(0.3, options.Alpha);
        Assert.Equal(TimeSpan.FromDays(3), options.HalfLife);
        Assert.Equal(0.6, options.AbsoluteThreshold);
        Assert.Equal(0.25, options.Margin);
        Assert.Equal(TimeSpan.FromDays(30), options.SeriesRetention);
        Assert.Equal(TimeSpan.FromMinutes(1), options.RoomWindow);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Every_out_of_range_setting_is_named()
    {
        var options = new EmotionOptions
        {
            Alpha = 0,
            HalfLife = TimeSpan.Zero,
            AbsoluteThreshold = 1.5,
            Margin = -0.1,
            SeriesRetention = TimeSpan.FromHours(1),
            RoomWindow = TimeSpan.FromMinutes(7),
        };

        var problems = options.Validate();

        Assert.Equal(6, problems.Count);
        foreach (var name in new[] { "Alpha", "HalfLife", "AbsoluteThreshold", "Margin", "SeriesRetention", "RoomWindow" })
        {
            Assert.Contains(problems, p => p.StartsWith($"Emotion:{name} ", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(60, true)]
    [InlineData(300, true)]
    [InlineData(3600, true)]
    [InlineData(90, false)]
    [InlineData(420, false)]
    [InlineData(7200, false)]
    public void A_room_window_must_be_whole_minutes_dividing_an_hour(int seconds, bool valid)
    {
        var options = new EmotionOptions { RoomWindow = TimeSpan.FromSeconds(seconds) };

        Assert.Equal(valid, options.Validate().Count == 0);
    }

    [Fact]
    public void An_alpha_of_nan_is_refused()
    {
        Assert.Single(new EmotionOptions { Alpha = double.NaN }.Validate());
    }
}
