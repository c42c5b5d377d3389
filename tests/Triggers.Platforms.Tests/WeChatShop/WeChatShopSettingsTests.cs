using static Triggers.Platforms.Tests.WeChatShop.ShopFixtures;
using V = Triggers.Platforms.Tests.WeChat.OfficialVectors;

namespace Triggers.Platforms.Tests.WeChatShop;

public sealed class WeChatShopSettingsTests
{
    [Fact]
    public void Token_key_and_app_id_make_a_valid_channel()
    {
        Assert.Empty(Adapter.ValidateSettings(Channel()));
    }

    [Fact]
    public void Every_setting_is_required_and_each_problem_names_it()
    {
        var problems = Adapter.ValidateSettings(Channel(token: null, key: null, appId: null));

        Assert.Equal(3, problems.Count);
        Assert.StartsWith("Channels:shop:Token is missing", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("Channels:shop:EncodingAesKey is missing", problems[1], StringComparison.Ordinal);
        Assert.StartsWith("Channels:shop:AppId is missing", problems[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_token_and_key_are_problems_that_do_not_echo_them()
    {
        var problems = Adapter.ValidateSettings(Channel(token: "a!", key: "shortkey"));

        Assert.Equal(2, problems.Count);
        Assert.DoesNotContain("shortkey", string.Join(" ", problems), StringComparison.Ordinal);
        Assert.DoesNotContain("a!", string.Join(" ", problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Misconfigured_channel_answers_500_naming_the_setting()
    {
        var rejected = Rejected(Adapter.Handle(Get(V.GetQuery), Channel(appId: null)));

        Assert.Equal(500, rejected.StatusCode);
        Assert.Contains("Channels:shop:AppId", rejected.Error, StringComparison.Ordinal);
    }
}
