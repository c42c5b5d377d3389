using Triggers.Platforms.Tests.WeChat;
using static Triggers.Platforms.Tests.WeChatShop.ShopFixtures;

namespace Triggers.Platforms.Tests.WeChatShop;

/// <summary>Mutated but authentic shop pushes reach the JSON readers: never an exception, never a 500.</summary>
public sealed class WeChatShopFuzzTests
{
    [Fact]
    public void Authentic_mutated_pushes_are_accepted_or_refused_with_4xx()
    {
        var seeds = new[] { ShopSamples.OrderPay, ShopSamples.OrderNew, ShopSamples.AfterSaleUpdate };
        foreach (var message in seeds.SelectMany((seed, i) => Mutations.Of(seed, 400, randomSeed: 400 + i)))
        {
            WeChatFuzzTests.AssertHandled(Adapter.Handle(SignedPush(message), Channel()), message);
        }
    }

    [Fact]
    public void Nested_string_with_a_lone_surrogate_escape_is_malformed_not_a_crash()
    {
        var message = ShopSamples.AfterSaleUpdate.Replace("USER_WAIT_RETURN", "\\uD800", StringComparison.Ordinal);

        var rejected = Rejected(Adapter.Handle(SignedPush(message), Channel()));

        Assert.Equal(400, rejected.StatusCode);
        Assert.Contains("lone UTF-16 surrogate", rejected.Error, StringComparison.Ordinal);
    }
}
