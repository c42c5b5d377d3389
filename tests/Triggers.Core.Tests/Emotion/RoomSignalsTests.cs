using Triggers.Core.Analysis;
using Triggers.Core.Emotion;
using Triggers.Core.Signals;
using Triggers.Core.Tests.Support;

namespace Triggers.Core.Tests.Emotion;

public sealed class RoomSignalsTests
{
    private static Signal Danmaku(string kind, params (string Name, string Value)[] attributes) => TestSignals.Message() with
    {
        Kind = kind,
        Attributes = attributes.ToDictionary(a => a.Name, a => a.Value),
    };

    [Theory]
    [InlineData("room_id")]
    [InlineData("roomId")]
    [InlineData("RoomId")]
    public void A_danmaku_names_its_room_under_any_of_the_usual_attribute_names(string attribute)
    {
        var room = RoomSignals.RoomOf(Danmaku(SignalKinds.Danmaku, (attribute, " 4412 ")));

        Assert.Equal(new RoomKey("default", "wechat-main", "4412"), room);
    }

    [Fact]
    public void A_comment_in_a_room_counts_but_a_message_or_a_roomless_danmaku_does_not()
    {
        Assert.NotNull(RoomSignals.RoomOf(Danmaku(SignalKinds.Comment, ("room_id", "9"))));
        Assert.Null(RoomSignals.RoomOf(Danmaku(SignalKinds.Message, ("room_id", "9"))));
        Assert.Null(RoomSignals.RoomOf(Danmaku(SignalKinds.Danmaku, ("gift_name", "rocket"))));
        Assert.Null(RoomSignals.RoomOf(Danmaku(SignalKinds.Danmaku, ("room_id", " "))));
    }

    [Fact]
    public void The_window_is_the_utc_minute_or_multiple_the_time_falls_in()
    {
        // 10:04:59.999 at +08:00 is 02:04:59.999 UTC.
        var at = new DateTimeOffset(2026, 11, 3, 10, 4, 59, 999, TimeSpan.FromHours(8));

        Assert.Equal(new DateTimeOffset(2026, 11, 3, 2, 4, 0, TimeSpan.Zero), RoomSignals.WindowStart(at, TimeSpan.FromMinutes(1)));
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 2, 0, 0, TimeSpan.Zero), RoomSignals.WindowStart(at, TimeSpan.FromMinutes(5)));
        Assert.Equal(
            new DateTimeOffset(2026, 11, 3, 2, 5, 0, TimeSpan.Zero),
            RoomSignals.WindowStart(at.AddMilliseconds(1), TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void Contributions_are_one_per_topic_plus_all_from_the_whole_text_and_a_topic_named_all_is_left_out()
    {
        var analysis = new TextAnalysis("negative", new SentimentScores(0.1, 0.2, 0.7), ["price", "all"], "test");
        EmotionReading[] readings = [new("all", 0.5, 0, "neutral", 0.25, 0.25), new("price", 0.8, -0.7, "negative", 0.1, 0.8)];

        var contributions = RoomSignals.Contributions(analysis, readings);

        Assert.Equal(
            [new RoomContribution("price", "negative", 0.1, 0.8), new RoomContribution("all", "negative", 0.1, 0.7)],
            contributions);
    }

    [Fact]
    public void An_aggregate_counts_labels_and_averages_scores()
    {
        var aggregate = RoomAggregate.Empty("price")
            .Add(new RoomContribution("price", "negative", 0.1, 0.8))
            .Add(new RoomContribution("price", "negative", 0.2, 0.6))
            .Add(new RoomContribution("price", "positive", 0.9, 0.1))
            .Add(new RoomContribution("price", "neutral", 0.2, 0.1));

        Assert.Equal(new RoomAggregate("price", 4, 1, 2, 1, 1.4, 1.6), aggregate with { PositiveSum = 1.4, NegativeSum = 1.6 });
        Assert.Equal(0.35, aggregate.AveragePositive, 1e-12);
        Assert.Equal(0.4, aggregate.AverageNegative, 1e-12);
    }
}
