using static Triggers.Platforms.Tests.WeChat.WeChatFixtures;
using V = Triggers.Platforms.Tests.WeChat.OfficialVectors;

namespace Triggers.Platforms.Tests.WeChat;

public sealed class WeChatSettingsTests
{
    [Fact]
    public void Plaintext_channel_with_a_token_is_valid()
    {
        Assert.Empty(Adapter.ValidateSettings(Channel("abc")));
    }

    [Fact]
    public void Safe_mode_channel_with_token_key_and_app_id_is_valid()
    {
        Assert.Empty(Adapter.ValidateSettings(Channel(V.Token, V.EncodingAesKey, V.AppId)));
    }

    [Fact]
    public void Missing_token_names_the_setting_and_where_to_find_it()
    {
        var channel = Channel("x") with { Secrets = new Dictionary<string, string>() };

        var problem = Assert.Single(Adapter.ValidateSettings(channel));

        Assert.Equal("Channels:demo:Token is missing: set the Token configured in the WeChat console (3-32 characters)", problem);
    }

    [Theory]
    [InlineData("Q7")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")]
    [InlineData("token-with-dash")]
    public void Token_outside_3_to_32_letters_or_digits_is_a_problem_that_does_not_echo_it(string token)
    {
        var problem = Assert.Single(Adapter.ValidateSettings(Channel(token)));

        Assert.StartsWith("Channels:demo:Token ", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(token, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/")]
    public void Encoding_aes_key_that_is_not_43_letters_or_digits_is_a_problem_that_does_not_echo_it(string key)
    {
        var problem = Assert.Single(Adapter.ValidateSettings(Channel(V.Token, key, V.AppId)));

        Assert.StartsWith("Channels:demo:EncodingAesKey ", problem, StringComparison.Ordinal);
        Assert.Contains("43", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(key, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Encoding_aes_key_without_app_id_asks_for_the_app_id()
    {
        var problem = Assert.Single(Adapter.ValidateSettings(Channel(V.Token, V.EncodingAesKey)));

        Assert.StartsWith("Channels:demo:AppId is missing", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_positive_replay_window_is_a_problem()
    {
        var problem = Assert.Single(Adapter.ValidateSettings(Channel("abc", window: TimeSpan.Zero)));

        Assert.Contains("ReplayWindow", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Secret_names_are_found_whatever_their_case_even_in_a_case_sensitive_dictionary()
    {
        var channel = Channel("x") with
        {
            Secrets = new Dictionary<string, string>(StringComparer.Ordinal) { ["token"] = V.Token, ["ENCODINGAESKEY"] = V.EncodingAesKey, ["appid"] = V.AppId },
        };

        Assert.Empty(Adapter.ValidateSettings(channel));
    }

    [Fact]
    public void Misconfigured_channel_answers_500_naming_the_setting_instead_of_guessing()
    {
        var channel = Channel(V.Token, V.EncodingAesKey);

        var rejected = Rejected(Adapter.Handle(Request("GET", Query(V.GetQuery), "", Now), channel));

        Assert.Equal(500, rejected.StatusCode);
        Assert.Contains("Channels:demo:AppId", rejected.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("AAAAA", rejected.Error, StringComparison.Ordinal);
    }
}
