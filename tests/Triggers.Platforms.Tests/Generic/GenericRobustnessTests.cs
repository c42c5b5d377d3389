using System.Security.Cryptography;
using System.Text;
using static Triggers.Platforms.Tests.Generic.GenericFixtures;

namespace Triggers.Platforms.Tests.Generic;

public sealed class GenericRobustnessTests
{
    [Fact]
    public void Mutated_bodies_that_are_still_correctly_signed_never_throw_and_are_accepted_or_refused_with_400()
    {
        var random = new Random(20261103);
        var original = Encoding.UTF8.GetBytes(BatchBody);
        for (var i = 0; i < 3000; i++)
        {
            var body = Mutations.Mutate(random, original);
            byte[] signed = [.. Encoding.UTF8.GetBytes(Timestamp + "."), .. body];
            var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), signed);
            var request = Post("", Timestamp, "sha256=" + Convert.ToHexStringLower(mac)) with { Body = body };

            if (Adapter.Handle(request, Channel()) is WebhookRejected rejected)
            {
                Assert.True(rejected.StatusCode == 400, $"iteration {i}: {rejected.StatusCode} {rejected.Error}");
            }
        }
    }

    [Fact]
    public void Mutated_bodies_under_the_original_signature_are_all_unauthorised()
    {
        var random = new Random(7);
        var original = Encoding.UTF8.GetBytes(SingleBody);
        for (var i = 0; i < 1000; i++)
        {
            var body = Mutations.Mutate(random, original);
            if (body.AsSpan().SequenceEqual(original))
            {
                continue;
            }

            var outcome = Adapter.Handle(Post(SingleBody, Timestamp, "sha256=" + SingleSignature) with { Body = body }, Channel());

            Assert.Equal(401, Assert.IsType<WebhookRejected>(outcome).StatusCode);
        }
    }
}
