using static Triggers.Platforms.Tests.Doudian.DoudianFixtures;

namespace Triggers.Platforms.Tests.Doudian;

public sealed class DoudianSettingsTests
{
    [Fact]
    public void Channel_with_app_key_and_secret_is_valid()
    {
        Assert.Empty(Adapter.ValidateSettings(Channel()));
    }

    [Fact]
    public void Missing_key_and_secret_are_both_named()
    {
        var channel = Channel() with { Secrets = new Dictionary<string, string>() };

        var problems = Adapter.ValidateSettings(channel);

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("Channels:shop:AppKey is missing", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("Channels:shop:AppSecret is missing", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Misconfigured_channel_answers_500_without_echoing_secrets()
    {
        var channel = Channel() with { Secrets = new Dictionary<string, string> { ["AppKey"] = AppKey } };

        var rejected = Rejected(Adapter.Handle(Post(TradePaid, TradePaidSignature), channel));

        Assert.Equal(500, rejected.StatusCode);
        Assert.Contains("Channels:shop:AppSecret", rejected.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(AppKey, rejected.Error, StringComparison.Ordinal);
    }
}
