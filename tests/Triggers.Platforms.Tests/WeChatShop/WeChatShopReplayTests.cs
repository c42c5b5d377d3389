using Triggers.Platforms.Tests.WeChat;
using static Triggers.Platforms.Tests.WeChatShop.ShopFixtures;
using S = Triggers.Platforms.Tests.WeChatShop.ShopSamples;

namespace Triggers.Platforms.Tests.WeChatShop;

/// <summary>
/// Issue 12 item 5 for WeChat Shop. Signed: msg_signature over token, timestamp, nonce and the Encrypt value; the
/// dedupe key (Event:order or after-sale id:CreateTime), the buyer and the attributes come from the decrypted push.
/// Unsigned: the 3-way signature (it covers no message), openid, encrypt_type's case, msg_signature's hex case, the
/// JSON envelope around Encrypt, every header and any other query parameter.
/// </summary>
public sealed class WeChatShopReplayTests
{
    private static readonly ReplaySet Unsigned = new(
    [
        .. Replays.OrdinaryHeaders("application/json"),
        .. Replays.ExtraQuery("Timestamp", "order_id", "echostr"),
        .. EnvelopeReplays.Envelope(otherFormat: 400),
        new("with the 3-way signature changed", r => r.WithQuery("signature", new string('f', 40))),
        new("with the 3-way signature removed", r => r.WithoutQuery("signature")),
        new("with openid changed", r => r.WithQuery("openid", "o-someone-else")),
        new("with openid removed", r => r.WithoutQuery("openid")),
        new("with encrypt_type in upper case", r => r.WithQuery("encrypt_type", "AES")),
        new("with msg_signature's hex in upper case", r => r.WithQuery("msg_signature", r.Query["msg_signature"].ToUpperInvariant())),
        new("with encrypt_type removed", r => r.WithoutQuery("encrypt_type"), RefusedWith: 401),
    ]);

    private static readonly ReplaySet SignedChanges = new(EnvelopeReplays.SignedChanges());

    public static TheoryData<string> UnsignedReplays => Unsigned.Names;

    public static TheoryData<string> SignedReplays => SignedChanges.Names;

    /// <summary>An order push and an after-sale push, encrypted and signed now, as the shop sends them.</summary>
    private static IEnumerable<WebhookRequest> Authentic() =>
        ((string[])[S.OrderPay, S.AfterSaleUpdate]).Select(message =>
            SignedPush(message).WithHeader("Content-Type", "application/json").WithHeader("User-Agent", "Mozilla/4.0"));

    [Theory]
    [MemberData(nameof(UnsignedReplays))]
    public void An_authentic_push_replayed_with_an_unsigned_part_changed_removed_or_added_stores_nothing_new(string replay)
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
        foreach (var request in Authentic())
        {
            var original = Replays.Original(Adapter.Handle(request, Channel()));

            Replays.SameSignals(original, Adapter.Handle(request.At(Now.AddMinutes(5)), Channel()));
            Assert.Equal(401, Rejected(Adapter.Handle(request.At(Now.AddMinutes(5).AddSeconds(1)), Channel())).StatusCode);
        }
    }
}
