using static Triggers.Platforms.Tests.Kuaishou.KuaishouFixtures;

namespace Triggers.Platforms.Tests.Kuaishou;

public sealed class KuaishouSettingsTests
{
    [Fact]
    public void Channel_with_an_app_secret_is_valid_with_or_without_app_id()
    {
        Assert.Empty(Adapter.ValidateSettings(Channel()));
        Assert.Empty(Adapter.ValidateSettings(Channel(appId: AppId)));
    }

    [Fact]
    public void Missing_app_secret_names_the_setting()
    {
        var problem = Assert.Single(Adapter.ValidateSettings(Channel() with { Secrets = new Dictionary<string, string>() }));

        Assert.StartsWith("Channels:ks:AppSecret is missing", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_positive_replay_window_is_a_problem()
    {
        var problem = Assert.Single(Adapter.ValidateSettings(Channel(window: TimeSpan.Zero)));

        Assert.Contains("Channels:ks:ReplayWindow", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Misconfigured_channel_answers_500_naming_the_setting()
    {
        var rejected = Rejected(Adapter.Handle(Post(TestEvent, TestEventSignature), Channel() with { Secrets = new Dictionary<string, string>() }));

        Assert.Equal(500, rejected.StatusCode);
        Assert.Contains("Channels:ks:AppSecret", rejected.Error, StringComparison.Ordinal);
    }
}
