using System.Text;
using static Triggers.Platforms.Tests.Douyin.DouyinFixtures;
using S = Triggers.Platforms.Tests.Douyin.DouyinSamples;

namespace Triggers.Platforms.Tests.Douyin;

/// <summary>Mutated bodies, correctly re-signed so the parser is reached: never an exception, never a 5xx.</summary>
public sealed class DouyinFuzzTests
{
    [Theory]
    [InlineData(S.VerifyWebhook, 1)]
    [InlineData(S.ImReceiveMsg, 2)]
    [InlineData(S.NewFollowAction, 3)]
    [InlineData(S.LifeTradeOrderNotify, 4)]
    public void Re_signed_mutations_are_answered_with_a_result_or_a_4xx(string body, int seed)
    {
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var mutated in BodyMutations.Of(body, 1500, seed))
        {
            var headers = new Dictionary<string, string> { ["X-Douyin-Signature"] = Sign(Secret, mutated), ["Msg-Id"] = "fuzz" };
            var outcome = Adapter.Handle(Post(mutated, headers), Channel(appId: "asdfavetgbvasf"));

            var label = outcome switch
            {
                WebhookRejected { StatusCode: 400 or 403 } r => r.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
                WebhookRejected r => throw new Xunit.Sdk.XunitException($"unexpected {r.StatusCode} for {Encoding.UTF8.GetString(mutated)}: {r.Error}"),
                _ => outcome.GetType().Name,
            };
            outcomes[label] = outcomes.GetValueOrDefault(label) + 1;
        }

        Assert.True(outcomes.GetValueOrDefault("400") > 0, "some mutations should be malformed");
    }
}
