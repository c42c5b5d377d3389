using static Triggers.Platforms.Tests.Bilibili.BilibiliFixtures;

namespace Triggers.Platforms.Tests.Bilibili;

/// <summary>
/// Issue 12 item 5 for Bilibili. Signed: the six x-bili-* headers (accesskeyid, content-md5, signature-method,
/// signature-nonce, signature-version, timestamp), and through content-md5 the body. Unsigned: Authorization's
/// spelling (hex case, spaces), every other header (an unknown x-bili-* one too) and the whole query. The dedupe key
/// is data.msg_id, or cmd plus the signed nonce when a message has none, so a replay is the same signal.
/// </summary>
public sealed class BilibiliReplayTests
{
    private static readonly ReplaySet Unsigned = new(
    [
        .. Replays.OrdinaryHeaders("application/json"),
        .. Replays.ExtraQuery("msg_id", "nonce", "x-bili-signature-nonce"),
        new("with Authorization's hex in upper case", r => r.WithHeader("Authorization", r.Headers["Authorization"].ToUpperInvariant())),
        new("with spaces around the signed headers' values", r => r.WithHeader("x-bili-signature-nonce", $" {r.Headers["x-bili-signature-nonce"]} ").WithHeader("x-bili-timestamp", $"{Timestamp}  ")),
        new("with an unknown x-bili header added", r => r.WithHeader("x-bili-trace-id", "replay-trace")),
    ]);

    private static readonly ReplaySet SignedChanges = new(
    [
        new("a body byte changed", r => r.WithOneBodyByteChanged(), RefusedWith: 401),
        new("the nonce changed", r => r.WithHeader("x-bili-signature-nonce", "nonce-replayed"), RefusedWith: 401),
        new("the timestamp moved by one second", r => r.WithHeader("x-bili-timestamp", "1793671446"), RefusedWith: 401),
        new("the content MD5 changed", r => r.WithHeader("x-bili-content-md5", "d41d8cd98f00b204e9800998ecf8427e"), RefusedWith: 401),
        new("the nonce removed", r => r.WithoutHeader("x-bili-signature-nonce"), RefusedWith: 401),
        new("Authorization removed", r => r.WithoutHeader("Authorization"), RefusedWith: 401),
    ]);

    public static TheoryData<string> UnsignedReplays => Unsigned.Names;

    public static TheoryData<string> SignedReplays => SignedChanges.Names;

    /// <summary>The danmaku sample (dedupe on msg_id) and a guard message with an empty msg_id (dedupe on the signed nonce).</summary>
    private static IEnumerable<WebhookRequest> Authentic() =>
    [
        Danmaku().WithHeader("User-Agent", "bili-bridge/1.0"),
        Signed(GuardBody, nonce: "nonce-guard-1").WithHeader("User-Agent", "bili-bridge/1.0"),
    ];

    [Theory]
    [MemberData(nameof(UnsignedReplays))]
    public void An_authentic_callback_replayed_with_an_unsigned_part_changed_removed_or_added_stores_nothing_new(string replay)
    {
        foreach (var request in Authentic())
        {
            var original = Replays.Original(Adapter.Handle(request, Channel()));

            Replays.Check(Unsigned[replay], original, Adapter.Handle(Unsigned[replay].Apply(request), Channel()));
        }
    }

    [Theory]
    [MemberData(nameof(SignedReplays))]
    public void A_replay_with_a_signed_part_changed_or_missing_is_refused(string replay)
    {
        foreach (var request in Authentic())
        {
            Replays.Original(Adapter.Handle(request, Channel()));

            Replays.Check(SignedChanges[replay], [], Adapter.Handle(SignedChanges[replay].Apply(request), Channel()));
        }
    }

    [Fact]
    public void A_replay_inside_the_replay_window_is_the_same_signal_and_one_after_it_is_refused()
    {
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(1793671445);
        foreach (var request in Authentic())
        {
            var original = Replays.Original(Adapter.Handle(request, Channel()));

            Replays.SameSignals(original, Adapter.Handle(request.At(signedAt.AddMinutes(5)), Channel()));
            Assert.Equal(401, Rejected(Adapter.Handle(request.At(signedAt.AddMinutes(5).AddSeconds(1)), Channel())).StatusCode);
        }
    }

    [Fact]
    public void A_message_without_msg_id_is_identified_by_its_signed_nonce_so_only_a_request_signed_afresh_is_a_new_signal()
    {
        var original = Assert.Single(Replays.Original(Adapter.Handle(Signed(GuardBody, nonce: "nonce-guard-1"), Channel())));
        var resigned = Assert.Single(Replays.Original(Adapter.Handle(Signed(GuardBody, nonce: "nonce-guard-2"), Channel())));

        Assert.Equal("LIVE_OPEN_PLATFORM_GUARD:nonce:nonce-guard-1", original.DedupeKey);
        Assert.NotEqual(original.Id, resigned.Id);
    }
}
