using static Triggers.Platforms.Tests.Douyin.DouyinFixtures;
using S = Triggers.Platforms.Tests.Douyin.DouyinSamples;

namespace Triggers.Platforms.Tests.Douyin;

public sealed class DouyinSettingsTests
{
    [Fact]
    public void Channel_with_a_client_secret_is_valid()
    {
        Assert.Empty(Adapter.ValidateSettings(Channel()));
        Assert.Empty(Adapter.ValidateSettings(Channel(appId: "ck", clientKey: "ck")));
    }

    [Fact]
    public void Missing_client_secret_names_the_setting_and_where_to_find_it()
    {
        var channel = Channel() with { Secrets = new Dictionary<string, string> { ["ClientSecret"] = "  " } };

        var problem = Assert.Single(Adapter.ValidateSettings(channel));

        Assert.StartsWith("Channels:demo:ClientSecret is missing: set the app's Client Secret", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void App_id_and_client_key_that_disagree_are_a_problem_that_does_not_echo_them()
    {
        var problem = Assert.Single(Adapter.ValidateSettings(Channel(appId: "first-key", clientKey: "second-key")));

        Assert.Contains("Channels:demo:AppId", problem, StringComparison.Ordinal);
        Assert.Contains("Channels:demo:ClientKey", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("first-key", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Misconfigured_channel_answers_500_naming_the_setting_instead_of_guessing()
    {
        var channel = Channel() with { Secrets = new Dictionary<string, string>() };

        var rejected = Rejected(Adapter.Handle(Post(S.VerifyWebhook, S.VerifyWebhookSignature), channel));

        Assert.Equal(500, rejected.StatusCode);
        Assert.Contains("Channels:demo:ClientSecret", rejected.Error, StringComparison.Ordinal);
    }
}
