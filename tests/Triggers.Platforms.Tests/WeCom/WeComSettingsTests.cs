using static Triggers.Platforms.Tests.WeCom.WeComFixtures;
using V = Triggers.Platforms.Tests.WeCom.WeComVectors;

namespace Triggers.Platforms.Tests.WeCom;

public sealed class WeComSettingsTests
{
    [Fact]
    public void Token_key_and_corp_id_make_a_valid_channel()
    {
        Assert.Empty(Adapter.ValidateSettings(Channel()));
    }

    [Fact]
    public void Suite_id_instead_of_corp_id_is_valid()
    {
        Assert.Empty(Adapter.ValidateSettings(Channel(corpId: null, suiteId: "ww4asffe99e54c0f4c")));
    }

    [Fact]
    public void Missing_key_and_receive_id_are_each_named_with_where_to_find_them()
    {
        var problems = Adapter.ValidateSettings(Channel(key: null, corpId: null));

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("Channels:corp:EncodingAesKey is missing", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("Channels:corp:CorpId is missing", problems[1], StringComparison.Ordinal);
        Assert.Contains("Channels:corp:SuiteId", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_token_and_key_are_problems_that_do_not_echo_them()
    {
        var problems = Adapter.ValidateSettings(Channel(token: "has spaces in it", key: "tooShortKey123"));

        Assert.Equal(2, problems.Count);
        Assert.Contains("Channels:corp:Token", problems[0], StringComparison.Ordinal);
        Assert.Contains("Channels:corp:EncodingAesKey", problems[1], StringComparison.Ordinal);
        Assert.DoesNotContain("has spaces", string.Join(" ", problems), StringComparison.Ordinal);
        Assert.DoesNotContain("tooShortKey123", string.Join(" ", problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Misconfigured_channel_answers_500_naming_the_setting()
    {
        var rejected = Rejected(Adapter.Handle(Get(V.VerifyQuery), Channel(corpId: null)));

        Assert.Equal(500, rejected.StatusCode);
        Assert.Contains("Channels:corp:CorpId", rejected.Error, StringComparison.Ordinal);
    }
}
