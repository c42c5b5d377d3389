using Triggers.Core.Touchpoints;
using Triggers.Platforms.Outbound;
using Triggers.Platforms.Tests.Outbound.Fake;

namespace Triggers.Platforms.Tests.Outbound;

/// <summary>Channels and touchpoints for the sender tests.</summary>
internal static class OutboundFixtures
{
    public const string OpenId = "o9AgO5Kd5ggOC-bXrbNODIiE3bGY";
    public const string ExternalUserId = "woAJ2GCAAAXtWyujaWJHDDGi0mAAAA";
    public const string Member = "zhangsan";
    public const string HookSecret = "generic-test-secret-0001";

    /// <summary>Chinese, an emoji, a quote and a newline: what must survive the trip byte for byte.</summary>
    public const string Text = "您好，包裹已补发 🎉\n\"售后\"随时找我";

    public static OutboundMessage Message(string type = "message", string contact = OpenId, string text = Text, string id = "tp-0001") => new(
        new Touchpoint
        {
            Id = id,
            Tenant = "acme",
            RuleId = "rule-broken-parcel",
            RuleVersion = "1",
            SignalId = "sig-42",
            ActionIndex = 0,
            Type = type,
            Channel = "oa",
            Contact = contact,
            Status = TouchpointStatus.Sending,
            DueAt = new DateTimeOffset(2026, 11, 3, 2, 0, 0, TimeSpan.Zero),
            WakeAt = new DateTimeOffset(2026, 11, 3, 2, 0, 0, TimeSpan.Zero),
            PlannedAt = new DateTimeOffset(2026, 11, 3, 1, 0, 0, TimeSpan.Zero),
            Why = "Rule \"rule-broken-parcel\" matched.",
            Template = "apology",
            Attempts = 2,
        },
        text);

    public static ChannelSettings WeChatChannel(params string[] without) =>
        Channel("oa", "wechat", [("Token", "AAAAA"), ("AppId", FakePlatformServer.AppId), ("AppSecret", FakePlatformServer.AppSecret)], without);

    public static ChannelSettings WeComChannel(params string[] without) =>
        Channel("corp", "wecom",
            [("CorpId", FakePlatformServer.CorpId), ("Secret", FakePlatformServer.CorpSecret), ("SenderUserId", Member), ("RobotKey", FakePlatformServer.RobotKey)],
            without);

    public static ChannelSettings GenericChannel(Uri url, string secret = HookSecret) =>
        Channel("crm", "generic", [("Secret", secret), ("OutboundUrl", url.AbsoluteUri)]);

    /// <summary>A channel with these settings, minus those named in <paramref name="without"/>.</summary>
    public static ChannelSettings Channel(string name, string platform, (string Key, string Value)[] settings, params string[] without)
    {
        var secrets = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in settings)
        {
            if (!without.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                secrets[key] = value;
            }
        }

        return new ChannelSettings(name, platform, "acme", secrets, TimeSpan.FromMinutes(5));
    }
}
