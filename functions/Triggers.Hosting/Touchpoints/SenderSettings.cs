using Triggers.Platforms.Outbound;

namespace Triggers.Hosting.Touchpoints;

/// <summary><c>Senders:*</c>: the platforms' API base URLs (tests point them at a local server), timeout, token refresh margin.</summary>
public static class SenderSettings
{
    public const string SectionName = "Senders";

    public static OutboundEndpoints Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var defaults = new OutboundEndpoints();
        return defaults with
        {
            WeChatBaseUrl = section["WeChatBaseUrl"] ?? defaults.WeChatBaseUrl,
            WeComBaseUrl = section["WeComBaseUrl"] ?? defaults.WeComBaseUrl,
            Timeout = section.GetValue("Timeout", defaults.Timeout),
            TokenRefreshBefore = section.GetValue("TokenRefreshBefore", defaults.TokenRefreshBefore),
        };
    }
}
