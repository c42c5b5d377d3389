using System.Globalization;
using System.Text;
using Triggers.Platforms.Tests.Douyin;
using static Triggers.Platforms.Tests.Kuaishou.KuaishouFixtures;

namespace Triggers.Platforms.Tests.Kuaishou;

/// <summary>Mutated pushes, correctly re-signed so the parser is reached: never an exception, never a 5xx.</summary>
public sealed class KuaishouFuzzTests
{
    [Theory]
    [InlineData(LiveComment, 21)]
    [InlineData(TestEvent, 22)]
    [InlineData("""{"event":"PAY_SUCCESS","message_id":"p1","timestamp":"1795334390","data":"{\"out_order_no\":\"k1\",\"total_amount\":100}"}""", 23)]
    public void Re_signed_mutations_are_answered_with_a_result_or_a_4xx(string body, int seed)
    {
        var malformed = 0;
        foreach (var mutated in BodyMutations.Of(body, 1500, seed))
        {
            var headers = new Dictionary<string, string> { ["kwaisign"] = Sign(mutated) };
            switch (Adapter.Handle(Post(mutated, headers), Channel(appId: AppId)))
            {
                case WebhookRejected { StatusCode: 400 }:
                    malformed++;
                    break;
                case WebhookRejected { StatusCode: 401 or 403 }:
                    break;
                case WebhookRejected r:
                    throw new Xunit.Sdk.XunitException($"unexpected {r.StatusCode.ToString(CultureInfo.InvariantCulture)} for {Encoding.UTF8.GetString(mutated)}: {r.Error}");
            }
        }

        Assert.True(malformed > 0, "some mutations should be malformed");
    }
}
