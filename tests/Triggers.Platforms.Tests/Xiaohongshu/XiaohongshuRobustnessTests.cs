using System.Security.Cryptography;
using System.Text;
using Triggers.Platforms.Tests.Generic;
using Triggers.Platforms.WeChat;
using static Triggers.Platforms.Tests.Xiaohongshu.XiaohongshuFixtures;

namespace Triggers.Platforms.Tests.Xiaohongshu;

public sealed class XiaohongshuRobustnessTests
{
    [Fact]
    public void Mutated_e_commerce_bodies_never_throw_and_are_accepted_or_refused_with_400()
    {
        var random = new Random(20261103);
        var original = Encoding.UTF8.GetBytes(OrderBody);
        for (var i = 0; i < 3000; i++)
        {
            var request = EcommercePost() with { Body = Mutations.Mutate(random, original) };

            if (Adapter.Handle(request, Channel()) is WebhookRejected rejected)
            {
                Assert.True(rejected.StatusCode == 400, $"iteration {i}: {rejected.StatusCode} {rejected.Error}");
            }
        }
    }

    [Fact]
    public void Mutated_decrypted_messages_never_throw_and_are_accepted_or_refused_with_400()
    {
        // Encrypting with the adapter's own crypto is fine here: this checks robustness, not the algorithm.
        var crypto = WeChatCrypto.Create(EncodingAesKey);
        var random = new Random(5);
        var original = Encoding.UTF8.GetBytes(PlainMessage);
        for (var i = 0; i < 1500; i++)
        {
            var message = Encoding.UTF8.GetString(Mutations.Mutate(random, original));
            var encrypt = crypto.Encrypt(message, AppId, new byte[16]);
            var request = Request("POST", MiniProgramQuery(Sha1OfSorted(Token, Timestamp, Nonce, encrypt)), NoHeaders(), EncryptedBody(encrypt));

            if (Adapter.Handle(request, Channel()) is WebhookRejected rejected)
            {
                Assert.True(rejected.StatusCode == 400, $"iteration {i}: {rejected.StatusCode} {rejected.Error}");
            }
        }
    }

    [Fact]
    public void Mutated_envelopes_under_the_original_signature_never_throw()
    {
        var random = new Random(9);
        var original = Encoding.UTF8.GetBytes(EncryptedBody());
        for (var i = 0; i < 2000; i++)
        {
            if (Adapter.Handle(MiniProgramPost() with { Body = Mutations.Mutate(random, original) }, Channel()) is WebhookRejected rejected)
            {
                Assert.Contains(rejected.StatusCode, Mutations.InputStatuses);
            }
        }
    }

    private static string Sha1OfSorted(params string[] parts) =>
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts.Order(StringComparer.Ordinal)))));
}
