using static Triggers.Platforms.Tests.Xiaohongshu.XiaohongshuFixtures;

namespace Triggers.Platforms.Tests.Xiaohongshu;

public sealed class XiaohongshuSettingsTests
{
    [Fact]
    public void Either_push_alone_or_both_are_valid()
    {
        Assert.Empty(Adapter.ValidateSettings(Channel()));
        Assert.Empty(Adapter.ValidateSettings(Channel(miniProgram: false)));
        Assert.Empty(Adapter.ValidateSettings(Channel(ecommerce: false)));
    }

    [Fact]
    public void A_channel_with_no_secrets_is_told_both_options()
    {
        var problem = Assert.Single(Adapter.ValidateSettings(Channel(miniProgram: false, ecommerce: false)));

        Assert.Contains("Channels:xhs:Token", problem, StringComparison.Ordinal);
        Assert.Contains("Channels:xhs:AppKey", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_half_configured_mini_program_push_names_what_is_missing()
    {
        var problem = Assert.Single(Adapter.ValidateSettings(Channel(ecommerce: false, overrides: ("AppId", null))));

        Assert.StartsWith("Channels:xhs:AppId is missing", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_half_configured_e_commerce_push_names_what_is_missing()
    {
        var problem = Assert.Single(Adapter.ValidateSettings(Channel(miniProgram: false, overrides: ("AppSecret", null))));

        Assert.StartsWith("Channels:xhs:AppSecret is missing", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_encoding_aes_key_is_refused_without_echoing_it()
    {
        var problem = Assert.Single(Adapter.ValidateSettings(Channel(overrides: ("EncodingAesKey", "too-short-key"))));

        Assert.StartsWith("Channels:xhs:EncodingAesKey is not a valid EncodingAESKey", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("too-short-key", problem, StringComparison.Ordinal);
    }
}
