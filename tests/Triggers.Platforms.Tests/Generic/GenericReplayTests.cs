using System.Globalization;
using static Triggers.Platforms.Tests.Generic.GenericFixtures;

namespace Triggers.Platforms.Tests.Generic;

/// <summary>
/// Issue 12 item 5 for the generic webhook. Signed: the body and X-Triggers-Timestamp (HMAC-SHA256 over
/// "timestamp.body"). Unsigned: every other header, the spelling of X-Triggers-Signature (hex case, prefix case,
/// surrounding spaces) and the whole query. Each signal's id is the body's own "id", so a replay is the same signals.
/// </summary>
public sealed class GenericReplayTests
{
    private static readonly ReplaySet Unsigned = new(
    [
        .. Replays.OrdinaryHeaders("application/json"),
        .. Replays.ExtraQuery("timestamp", "signature", "id"),
        new("with the signature's hex in upper case", r => r.WithHeader("X-Triggers-Signature", "sha256=" + BatchSignature.ToUpperInvariant())),
        new("with the signature's prefix in upper case", r => r.WithHeader("X-Triggers-Signature", "SHA256=" + BatchSignature)),
        new("with spaces around the signed headers' values", r => r.WithHeader("X-Triggers-Signature", $"  sha256={BatchSignature} ").WithHeader("X-Triggers-Timestamp", $" {Timestamp}  ")),
    ]);

    private static readonly ReplaySet SignedChanges = new(
    [
        new("a body byte changed", r => r.WithOneBodyByteChanged(), RefusedWith: 401),
        new("an item's id changed", r => r.WithBody(BatchBody.Replace("crm-3", "crm-4", StringComparison.Ordinal)), RefusedWith: 401),
        new("the timestamp moved by one second", r => r.WithHeader("X-Triggers-Timestamp", (long.Parse(Timestamp, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture)), RefusedWith: 401),
        new("the signature removed", r => r.WithoutHeader("X-Triggers-Signature"), RefusedWith: 401),
        new("the timestamp removed", r => r.WithoutHeader("X-Triggers-Timestamp"), RefusedWith: 401),
    ]);

    public static TheoryData<string> UnsignedReplays => Unsigned.Names;

    public static TheoryData<string> SignedReplays => SignedChanges.Names;

    /// <summary>The batch sample, signed at <see cref="SignedAt"/>, with the headers a real sender adds.</summary>
    private static WebhookRequest Authentic() =>
        Post(BatchBody, Timestamp, "sha256=" + BatchSignature).WithHeader("User-Agent", "crm-sync/2.1");

    [Theory]
    [MemberData(nameof(UnsignedReplays))]
    public void An_authentic_batch_replayed_with_an_unsigned_part_changed_removed_or_added_stores_nothing_new(string replay)
    {
        var original = Replays.Original(Adapter.Handle(Authentic(), Channel()));

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
    public void A_replay_inside_the_replay_window_is_the_same_signals_and_one_after_it_is_refused()
    {
        var original = Replays.Original(Adapter.Handle(Authentic(), Channel()));

        Replays.SameSignals(original, Adapter.Handle(Authentic().At(SignedAt.AddMinutes(5)), Channel()));
        Assert.Equal(401, Rejected(Adapter.Handle(Authentic().At(SignedAt.AddMinutes(5).AddSeconds(1)), Channel())).StatusCode);
    }

    [Fact]
    public void The_senders_retry_signed_afresh_with_a_new_timestamp_is_the_same_signals_because_the_ids_are_in_the_body()
    {
        var original = Replays.Original(Adapter.Handle(Authentic(), Channel()));

        var retry = Signed(BatchBody, SignedAt.AddMinutes(3), receivedAt: SignedAt.AddMinutes(3));

        Replays.SameSignals(original, Adapter.Handle(retry, Channel()));
    }
}
