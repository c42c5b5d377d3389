using System.Text;
using static Triggers.Platforms.Tests.Doudian.DoudianFixtures;

namespace Triggers.Platforms.Tests.Doudian;

/// <summary>
/// Issue 12 item 5 for 抖店. Signed: the raw body (event-sign = MD5(app key ‖ body ‖ app secret), with the app key
/// from the channel's settings). Unsigned: event-sign's spelling, app-id (it must name the configured app key, which
/// the signature covers), sign-method (absent or md5), every other header and the whole query. The dedupe key is each
/// message's msg_id from the signed body, so a replay is the same signals.
/// </summary>
public sealed class DoudianReplayTests
{
    /// <summary>The TradePaid and RefundCreated samples in one push.</summary>
    private static readonly string Batch = TradePaid[..^1] + "," + RefundCreated + "]";

    private static readonly string BatchSignature = Sign(Encoding.UTF8.GetBytes(Batch));

    private static readonly ReplaySet Unsigned = new(
    [
        .. Replays.OrdinaryHeaders("application/json"),
        .. Replays.ExtraQuery("msg_id", "app_id", "event-sign"),
        new("with event-sign's hex in upper case", r => r.WithHeader("event-sign", BatchSignature.ToUpperInvariant())),
        new("with spaces around event-sign and app-id", r => r.WithHeader("event-sign", $" {BatchSignature} ").WithHeader("app-id", $"{AppKey}  ")),
        new("with sign-method removed", r => r.WithoutHeader("sign-method")),
        new("with sign-method in upper case", r => r.WithHeader("sign-method", "MD5")),
        new("with sign-method changed to one that is not verified", r => r.WithHeader("sign-method", "hmac-sha256"), RefusedWith: 401),
        new("with app-id changed", r => r.WithHeader("app-id", "9999999999"), RefusedWith: 403),
        new("with app-id removed", r => r.WithoutHeader("app-id"), RefusedWith: 401),
    ]);

    private static readonly ReplaySet SignedChanges = new(
    [
        new("a body byte changed", r => r.WithOneBodyByteChanged(), RefusedWith: 401),
        new("a msg_id changed", r => r.WithBody(Batch.Replace("refund-msg-1", "refund-msg-2", StringComparison.Ordinal)), RefusedWith: 401),
        new("the first message dropped", r => r.WithBody("[" + RefundCreated + "]"), RefusedWith: 401),
        new("event-sign removed", r => r.WithoutHeader("event-sign"), RefusedWith: 401),
    ]);

    public static TheoryData<string> UnsignedReplays => Unsigned.Names;

    public static TheoryData<string> SignedReplays => SignedChanges.Names;

    private static WebhookRequest Authentic() =>
        Post(Batch, BatchSignature, signMethod: "md5").WithHeader("Content-Type", "application/json").WithHeader("User-Agent", "Go-http-client/1.1");

    [Theory]
    [MemberData(nameof(UnsignedReplays))]
    public void An_authentic_push_replayed_with_an_unsigned_part_changed_removed_or_added_stores_nothing_new(string replay)
    {
        var original = Replays.Original(Adapter.Handle(Authentic(), Channel()));
        Assert.Equal(2, original.Count);

        Replays.Check(Unsigned[replay], original, Adapter.Handle(Unsigned[replay].Apply(Authentic()), Channel()));
    }

    [Theory]
    [MemberData(nameof(SignedReplays))]
    public void A_replay_with_a_signed_part_changed_or_missing_is_refused(string replay)
    {
        Replays.Original(Adapter.Handle(Authentic(), Channel()));

        Replays.Check(SignedChanges[replay], [], Adapter.Handle(SignedChanges[replay].Apply(Authentic()), Channel()));
    }

    [Fact]
    public void A_replay_days_later_is_the_same_signals_because_doudian_signs_no_timestamp_and_the_signed_msg_id_is_the_identity()
    {
        var original = Replays.Original(Adapter.Handle(Authentic(), Channel()));

        Replays.SameSignals(original, Adapter.Handle(Authentic().At(Now.AddDays(3)), Channel()));
        Assert.Equal(["04288XXXXXXX9348874::100:1618990587:68373744XXXXXXX9128", "refund-msg-1"], original.Select(s => s.DedupeKey));
    }
}
