using Triggers.Platforms;

namespace Triggers.Platforms.Tests.Skeleton;

/// <summary>The steps every adapter shares (WebhookAdapter): settings, method, then the platform's own verify and receive.</summary>
public sealed class AdapterSkeletonTests
{
    public static TheoryData<string> Platforms() => [.. PlatformAdapters.All.Select(a => a.Platform)];

    [Theory]
    [MemberData(nameof(Platforms))]
    public void A_channel_without_its_secrets_is_answered_500_naming_the_channel_before_the_request_is_read(string platform)
    {
        var adapter = PlatformAdapters.All.Single(a => a.Platform == platform);
        var channel = new ChannelSettings("shop-1", platform, "default", new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), TimeSpan.FromMinutes(5));

        var outcome = adapter.Handle(Request("POST", "not even json"), channel);

        var rejected = Assert.IsType<WebhookRejected>(outcome);
        Assert.Equal(500, rejected.StatusCode);
        Assert.StartsWith("channel shop-1 is misconfigured: ", rejected.Error, StringComparison.Ordinal);
        var problems = adapter.ValidateSettings(channel);
        Assert.NotEmpty(problems);
        Assert.Equal("channel shop-1 is misconfigured: " + string.Join("; ", problems), rejected.Error);
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public void A_method_the_platform_never_uses_is_answered_405_naming_the_methods_it_does(string platform)
    {
        var adapter = PlatformAdapters.All.Single(a => a.Platform == platform);

        var outcome = adapter.Handle(Request("DELETE", "{}"), Configured(platform));

        var rejected = Assert.IsType<WebhookRejected>(outcome);
        Assert.Equal(405, rejected.StatusCode);
        Assert.StartsWith("method DELETE is not used by ", rejected.Error, StringComparison.Ordinal);
        Assert.Contains("expected POST", rejected.Error.Replace("GET or POST", "POST", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static WebhookRequest Request(string method, string body) =>
        new(method, new Dictionary<string, string>(), new Dictionary<string, string>(), System.Text.Encoding.UTF8.GetBytes(body), DateTimeOffset.UnixEpoch);

    /// <summary>Settings each platform accepts (values of the right shape; none is a real secret).</summary>
    private static ChannelSettings Configured(string platform)
    {
        var secrets = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Token"] = "token2026",
            ["EncodingAesKey"] = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
            ["AppId"] = "wx0123456789abcdef",
            ["CorpId"] = "ww0123456789abcdef",
            ["AppKey"] = "app-key",
            ["AppSecret"] = "app-secret-0123456789",
            ["ClientSecret"] = "client-secret-0123456789",
            ["Secret"] = "generic-secret-0123456789abcdef0123",
            ["AccessKeySecret"] = "bili-secret-0123456789",
            ["AccessKeyId"] = "bili-key",
        };
        var channel = new ChannelSettings("shop-1", platform, "default", secrets, TimeSpan.FromMinutes(5));
        var adapter = PlatformAdapters.All.Single(a => a.Platform == platform);
        Assert.Empty(adapter.ValidateSettings(channel));
        return channel;
    }
}
