using System.Globalization;
using System.Text;
using Triggers.Platforms.Tests.Douyin;
using static Triggers.Platforms.Tests.Doudian.DoudianFixtures;

namespace Triggers.Platforms.Tests.Doudian;

/// <summary>Mutated pushes, correctly re-signed so the parser is reached: never an exception, never a 5xx.</summary>
public sealed class DoudianFuzzTests
{
    [Theory]
    [InlineData(TradePaid, 11)]
    [InlineData(ConnectivityTest, 12)]
    [InlineData("[" + RefundCreated + "," + RefundCreated + "]", 13)]
    public void Re_signed_mutations_are_answered_with_a_result_or_a_400(string body, int seed)
    {
        var rejectedCount = 0;
        foreach (var mutated in BodyMutations.Of(body, 1500, seed))
        {
            var headers = new Dictionary<string, string> { ["event-sign"] = Sign(mutated), ["app-id"] = AppKey };
            switch (Adapter.Handle(Post(mutated, headers), Channel()))
            {
                case WebhookRejected { StatusCode: 400 }:
                    rejectedCount++;
                    break;
                case WebhookRejected r:
                    throw new Xunit.Sdk.XunitException($"unexpected {r.StatusCode.ToString(CultureInfo.InvariantCulture)} for {Encoding.UTF8.GetString(mutated)}: {r.Error}");
                case WebhookAccepted accepted:
                    Assert.All(accepted.Signals, s => Assert.False(string.IsNullOrEmpty(s.DedupeKey)));
                    break;
            }
        }

        Assert.True(rejectedCount > 0, "some mutations should be malformed");
    }
}
