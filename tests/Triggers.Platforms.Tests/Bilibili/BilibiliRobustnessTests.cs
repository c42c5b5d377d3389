using System.Security.Cryptography;
using System.Text;
using Triggers.Platforms.Tests.Generic;
using static Triggers.Platforms.Tests.Bilibili.BilibiliFixtures;

namespace Triggers.Platforms.Tests.Bilibili;

public sealed class BilibiliRobustnessTests
{
    [Fact]
    public void Mutated_bodies_that_are_still_correctly_signed_never_throw_and_are_accepted_or_refused_with_400()
    {
        var random = new Random(20261103);
        var original = Encoding.UTF8.GetBytes(GuardBody);
        for (var i = 0; i < 3000; i++)
        {
            var body = Mutations.Mutate(random, original);
            var request = Post("", SignedHeaders(body, $"n{i}")) with { Body = body };

            if (Adapter.Handle(request, Channel()) is WebhookRejected rejected)
            {
                Assert.True(rejected.StatusCode == 400, $"iteration {i}: {rejected.StatusCode} {rejected.Error}");
            }
        }
    }

    [Fact]
    public void Mutated_headers_never_throw_and_are_refused_with_an_input_status()
    {
        var random = new Random(11);
        var names = Headers(DanmakuMd5, "nonce-dm-1", DanmakuAuthorization).Keys.ToArray();
        for (var i = 0; i < 2000; i++)
        {
            var headers = Headers(DanmakuMd5, "nonce-dm-1", DanmakuAuthorization);
            var name = names[random.Next(names.Length)];
            headers[name] = Encoding.Latin1.GetString(Mutations.Mutate(random, Encoding.Latin1.GetBytes(headers[name])));

            if (Adapter.Handle(Post(DanmakuBody, headers), Channel()) is WebhookRejected rejected)
            {
                Assert.Contains(rejected.StatusCode, Mutations.InputStatuses);
            }
        }
    }

    // MD5 and signature over bytes that may not be valid UTF-8, so the fixtures' string signer cannot be used.
    private static Dictionary<string, string> SignedHeaders(byte[] body, string nonce)
    {
        var headers = Headers(Convert.ToHexStringLower(MD5.HashData(body)), nonce, "");
        var signed = string.Join("\n", headers.Keys.Where(k => k.StartsWith("x-bili-", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(k => $"{k}:{headers[k]}"));
        headers["Authorization"] = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AppSecret), Encoding.UTF8.GetBytes(signed)));
        return headers;
    }
}
