using static Triggers.Platforms.Tests.Kuaishou.KuaishouFixtures;

namespace Triggers.Platforms.Tests.Kuaishou;

/// <summary>
/// Issue 12 item 5 for Kuaishou. Signed: the raw body (kwaisign = MD5(body ‖ app secret)), and with it the body's
/// timestamp, which the replay window is measured on. Unsigned: kwaisign's spelling, every other header and the whole
/// query. The dedupe key is the body's message_id (else its task id, else a hash of the body), so a replay is the same
/// signal.
/// </summary>
public sealed class KuaishouReplayTests
{
    private static readonly ReplaySet Unsigned = new(
    [
        .. Replays.OrdinaryHeaders("application/json"),
        .. Replays.ExtraQuery("message_id", "timestamp", "kwaisign"),
        new("with kwaisign's hex in upper case", r => r.WithHeader("kwaisign", LiveCommentSignature.ToUpperInvariant())),
        new("with spaces around kwaisign", r => r.WithHeader("kwaisign", $"  {LiveCommentSignature} ")),
    ]);

    private static readonly ReplaySet SignedChanges = new(
    [
        new("a body byte changed", r => r.WithOneBodyByteChanged(), RefusedWith: 401),
        new("the message_id changed", r => r.WithBody(LiveComment.Replace("m-live-1", "m-live-2", StringComparison.Ordinal)), RefusedWith: 401),
        new("the timestamp moved by one millisecond", r => r.WithBody(LiveComment.Replace("1795334400000", "1795334400001", StringComparison.Ordinal)), RefusedWith: 401),
        new("kwaisign removed", r => r.WithoutHeader("kwaisign"), RefusedWith: 401),
    ]);

    public static TheoryData<string> UnsignedReplays => Unsigned.Names;

    public static TheoryData<string> SignedReplays => SignedChanges.Names;

    private static WebhookRequest Authentic() =>
        Post(LiveComment, LiveCommentSignature).WithHeader("Content-Type", "application/json").WithHeader("User-Agent", "kwai-webhook/1.0");

    [Theory]
    [MemberData(nameof(UnsignedReplays))]
    public void An_authentic_push_replayed_with_an_unsigned_part_changed_removed_or_added_stores_nothing_new(string replay)
    {
        var original = Replays.Original(Adapter.Handle(Authentic(), Channel(appId: AppId)));

        Replays.Check(Unsigned[replay], original, Adapter.Handle(Unsigned[replay].Apply(Authentic()), Channel(appId: AppId)));
    }

    [Theory]
    [MemberData(nameof(SignedReplays))]
    public void A_replay_with_a_signed_part_changed_or_missing_is_refused(string replay)
    {
        Replays.Original(Adapter.Handle(Authentic(), Channel(appId: AppId)));

        Replays.Check(SignedChanges[replay], [], Adapter.Handle(SignedChanges[replay].Apply(Authentic()), Channel(appId: AppId)));
    }

    [Fact]
    public void A_replay_inside_the_window_on_the_signed_body_timestamp_is_the_same_signal_and_one_after_it_is_refused()
    {
        var original = Replays.Original(Adapter.Handle(Authentic(), Channel()));

        Replays.SameSignals(original, Adapter.Handle(Authentic().At(Now.AddMinutes(5)), Channel()));
        Assert.Equal(401, Rejected(Adapter.Handle(Authentic().At(Now.AddMinutes(5).AddSeconds(1)), Channel())).StatusCode);
        Assert.Equal("m-live-1", Assert.Single(original).DedupeKey);
    }
}
