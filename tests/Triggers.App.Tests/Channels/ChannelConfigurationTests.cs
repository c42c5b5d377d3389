using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.Channels;

[Collection(AppCollection.Name)]
public sealed class ChannelConfigurationTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("Platform", null, "Channels:bad:Platform is missing")]
    [InlineData("Platform", "myspace", "Channels:bad:Platform 'myspace' is unknown")]
    [InlineData("Token", null, "Token")]
    [InlineData("ReplayWindow", "five minutes", "Channels:bad:ReplayWindow")]
    public async Task A_misconfigured_channel_stops_start_up_with_a_message_naming_the_setting(string key, string? value, string expected)
    {
        var settings = TriggersAppFactory.WeChatChannel("bad", "default");
        settings[$"Channels:bad:{key}"] = value;
        if (value is null)
        {
            settings.Remove($"Channels:bad:{key}");
        }

        await using var app = new TriggersAppFactory(azurite, settings);

        var error = Record.Exception(() => app.CreateClient());

        Assert.NotNull(error);
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
    }
}
