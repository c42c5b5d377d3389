using Triggers.Platforms.Tests.WeChat;
using static Triggers.Platforms.Tests.Xiaohongshu.XiaohongshuFixtures;

namespace Triggers.Platforms.Tests.Xiaohongshu;

/// <summary>
/// Issue 12 item 5 for both Xiaohongshu pushes (both schemes INFERRED). Mini-program: msg_signature covers token,
/// timestamp, nonce and the Encrypt value, and every signal field comes from the decrypted message; the 3-way
/// signature, encrypt_type, the envelope around Encrypt, every header and any other query parameter are unsigned.
/// E-commerce: sign covers the webhook path, the app-key and timestamp headers only; sign's spelling, every other
/// header and the query are unsigned, and so is the body, which the dedupe key is taken from (no signed message id
/// exists in the inferred scheme; XiaohongshuEcommerceTests records that a changed body is not detected).
/// </summary>
public sealed class XiaohongshuReplayTests
{
    private static readonly ReplaySet MiniProgramUnsigned = new(
    [
        .. Replays.OrdinaryHeaders("application/json"),
        .. Replays.ExtraQuery("openid", "Timestamp", "MsgId"),

        // The fixture's envelope is {"Encrypt"} alone, so there is no ToUserName to remove.
        .. EnvelopeReplays.Envelope().Where(r => !r.Name.EndsWith("removed", StringComparison.Ordinal)),
        new("with the 3-way signature changed", r => r.WithQuery("signature", new string('f', 40))),
        new("with the 3-way signature removed", r => r.WithoutQuery("signature")),
        new("with encrypt_type in upper case", r => r.WithQuery("encrypt_type", "AES")),
        new("with encrypt_type removed", r => r.WithoutQuery("encrypt_type")),
        new("with msg_signature's hex in upper case", r => r.WithQuery("msg_signature", MsgSignature.ToUpperInvariant())),
        new("with an e-commerce sign header added", r => r.WithHeader("sign", SignMs), RefusedWith: 401),
    ]);

    private static readonly ReplaySet EcommerceUnsigned = new(
    [
        .. Replays.OrdinaryHeaders("application/json"),
        .. Replays.ExtraQuery("msg_signature", "signature", "app-key", "timestamp", "sellerId"),
        new("with sign's hex in upper case", r => r.WithHeader("sign", SignMs.ToUpperInvariant())),
        new("with spaces around the signed headers' values", r => r.WithHeader("sign", $" {SignMs} ").WithHeader("app-key", $"{AppKey} ").WithHeader("timestamp", $"  {TimestampMs}")),
    ]);

    private static readonly ReplaySet MiniProgramSignedChanges = new(EnvelopeReplays.SignedChanges());

    private static readonly ReplaySet EcommerceSignedChanges = new(
    [
        new("the timestamp moved by one millisecond", r => r.WithHeader("timestamp", "1793671445001"), RefusedWith: 401),
        new("the app-key changed", r => r.WithHeader("app-key", "other-app-key"), RefusedWith: 401),
        new("the app-key removed", r => r.WithoutHeader("app-key"), RefusedWith: 401),
        new("sign removed", r => r.WithoutHeader("sign"), RefusedWith: 401),
    ]);

    public static TheoryData<string> MiniProgramUnsignedReplays => MiniProgramUnsigned.Names;

    public static TheoryData<string> EcommerceUnsignedReplays => EcommerceUnsigned.Names;

    public static TheoryData<string> MiniProgramSignedReplays => MiniProgramSignedChanges.Names;

    public static TheoryData<string> EcommerceSignedReplays => EcommerceSignedChanges.Names;

    private static WebhookRequest MiniProgram() =>
        MiniProgramPost().WithHeader("Content-Type", "application/json").WithHeader("User-Agent", "xhs-push/1.0");

    private static WebhookRequest Ecommerce() => EcommercePost().WithHeader("User-Agent", "xhs-push/1.0");

    [Theory]
    [MemberData(nameof(MiniProgramUnsignedReplays))]
    public void An_authentic_mini_program_push_replayed_with_an_unsigned_part_changed_removed_or_added_stores_nothing_new(string replay)
    {
        var original = Replays.Original(Adapter.Handle(MiniProgram(), Channel()));

        Replays.Check(MiniProgramUnsigned[replay], original, Adapter.Handle(MiniProgramUnsigned[replay].Apply(MiniProgram()), Channel()));
    }

    [Theory]
    [MemberData(nameof(MiniProgramSignedReplays))]
    public void A_mini_program_replay_with_a_signed_part_changed_or_missing_is_refused(string replay)
    {
        Replays.Original(Adapter.Handle(MiniProgram(), Channel()));

        Replays.Check(MiniProgramSignedChanges[replay], [], Adapter.Handle(MiniProgramSignedChanges[replay].Apply(MiniProgram()), Channel()));
    }

    [Theory]
    [MemberData(nameof(EcommerceUnsignedReplays))]
    public void An_authentic_ecommerce_push_replayed_with_an_unsigned_header_or_query_parameter_changed_removed_or_added_stores_nothing_new(string replay)
    {
        var original = Replays.Original(Adapter.Handle(Ecommerce(), Channel()));

        Replays.Check(EcommerceUnsigned[replay], original, Adapter.Handle(EcommerceUnsigned[replay].Apply(Ecommerce()), Channel()));
    }

    [Theory]
    [MemberData(nameof(EcommerceSignedReplays))]
    public void An_ecommerce_replay_with_a_signed_part_changed_or_missing_is_refused(string replay)
    {
        Replays.Original(Adapter.Handle(Ecommerce(), Channel()));

        Replays.Check(EcommerceSignedChanges[replay], [], Adapter.Handle(EcommerceSignedChanges[replay].Apply(Ecommerce()), Channel()));
    }

    [Fact]
    public void A_replay_of_either_push_inside_the_replay_window_is_the_same_signal_and_one_after_it_is_refused()
    {
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(Timestamp, System.Globalization.CultureInfo.InvariantCulture));
        foreach (var request in (WebhookRequest[])[MiniProgram(), Ecommerce()])
        {
            var original = Replays.Original(Adapter.Handle(request, Channel()));

            Replays.SameSignals(original, Adapter.Handle(request.At(signedAt.AddMinutes(5)), Channel()));
            Assert.Equal(401, Rejected(Adapter.Handle(request.At(signedAt.AddMinutes(5).AddSeconds(1)), Channel())).StatusCode);
        }
    }
}
