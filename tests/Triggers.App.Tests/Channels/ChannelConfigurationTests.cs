using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Triggers.Hosting.Channels;
using Triggers.App.Tests.Infrastructure;
using Triggers.Platforms;
using Triggers.Testing;

namespace Triggers.App.Tests.Channels;

public sealed class ChannelConfigurationTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("Platform", null, "Channels:bad:Platform is missing")]
    [InlineData("Platform", "myspace", "Channels:bad:Platform 'myspace' is unknown")]
    [InlineData("Token", null, "Token")]
    [InlineData("ReplayWindow", "five minutes", "Channels:bad:ReplayWindow")]
    public void A_misconfigured_channel_is_refused_with_a_message_naming_the_setting(string key, string? value, string expected)
    {
        var settings = TriggersAppFactory.WeChatChannel("bad", "default");
        settings[$"Channels:bad:{key}"] = value;
        if (value is null)
        {
            settings.Remove($"Channels:bad:{key}");
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var error = Assert.Throws<InvalidOperationException>(
            () => ChannelRegistry.Load(configuration, new PlatformRegistry(PlatformAdapters.All), TimeSpan.FromMinutes(5)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_refuses_to_start_with_a_misconfigured_channel_and_says_which_setting_is_wrong()
    {
        // The real executable, as an operator starts it: it must exit non-zero before listening.
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "Triggers.App.dll")}\" --urls http://127.0.0.1:0")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["Channels__shop__Platform"] = "wechat",
                ["Channels__shop__EncodingAesKey"] = "too-short",
            },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.NotEqual(0, process.ExitCode);
        var said = await output + await errors;
        Assert.Contains("Channels:shop:Token", said, StringComparison.Ordinal);
        Assert.Contains("Channels:shop:EncodingAesKey", said, StringComparison.Ordinal);
    }
}
