using static Triggers.Platforms.Tests.Kuaishou.KuaishouFixtures;

namespace Triggers.Platforms.Tests.Kuaishou;

/// <summary>Replay window, app id, methods and malformed (but correctly signed) bodies.</summary>
public sealed class KuaishouRequestCheckTests
{
    [Theory]
    [InlineData("1795334099")]
    [InlineData("1795334099000")]
    [InlineData("1795334701")]
    public void Timestamp_outside_the_replay_window_is_unauthorised_in_seconds_or_milliseconds(string timestamp)
    {
        var rejected = Rejected(Adapter.Handle(SignedPost($$"""{"event":"live_like","message_id":"r","timestamp":{{timestamp}}}"""), Channel()));

        Assert.Equal(401, rejected.StatusCode);
        Assert.Contains("outside the replay window", rejected.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1795334101")]
    [InlineData("\"1795334699000\"")]
    public void Timestamp_inside_the_window_is_accepted(string timestamp)
    {
        Single(Adapter.Handle(SignedPost($$"""{"event":"live_like","message_id":"r","timestamp":{{timestamp}}}"""), Channel()));
    }

    [Fact]
    public void Wider_channel_window_accepts_an_older_timestamp()
    {
        Single(Adapter.Handle(SignedPost("""{"event":"live_like","message_id":"r","timestamp":1795330000}"""), Channel(window: TimeSpan.FromHours(2))));
    }

    [Fact]
    public void Event_for_another_app_is_forbidden_and_names_the_setting()
    {
        var rejected = Rejected(Adapter.Handle(Post(LiveComment, LiveCommentSignature), Channel(appId: "ks-other")));

        Assert.Equal(403, rejected.StatusCode);
        Assert.Contains("Channels:ks:AppId", rejected.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PATCH")]
    public void Methods_other_than_post_are_refused_with_405(string method)
    {
        Assert.Equal(405, Rejected(Adapter.Handle(Post(TestEvent, TestEventSignature, method), Channel())).StatusCode);
    }

    [Theory]
    [InlineData("", "body is empty")]
    [InlineData("{\"event\"", "body is not valid JSON")]
    [InlineData("\"TEST\"", "body is JSON but not an object (it is a string)")]
    [InlineData("{\"message_id\":\"m\"}", "body has no event field")]
    [InlineData("{\"event\":\"x\",\"timestamp\":\"noon\"}", "body.timestamp 'noon' is not a unix time")]
    [InlineData("{\"event\":\"x\",\"data\":true}", "field data is a boolean")]
    [InlineData("{\"event\":\"x\",\"data\":\"{]\"}", "field data (a JSON string) is not valid JSON")]
    [InlineData("{\"event\":\"TEST\",\"message_id\":\"\\uDE00\"}", "body has a string at $.message_id that is not valid UTF-16")]
    public void Signed_but_malformed_bodies_get_400_naming_what_is_wrong(string body, string expected)
    {
        var rejected = Rejected(Adapter.Handle(SignedPost(body), Channel()));

        Assert.Equal(400, rejected.StatusCode);
        Assert.Contains(expected, rejected.Error, StringComparison.Ordinal);
    }
}
