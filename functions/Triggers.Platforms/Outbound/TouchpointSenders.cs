using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Triggers.Platforms.Generic.Outbound;
using Triggers.Platforms.Outbound.Http;
using Triggers.Platforms.WeChat.Outbound;
using Triggers.Platforms.WeCom.Outbound;

namespace Triggers.Platforms.Outbound;

/// <summary>
/// The sender the app uses: picks the platform API by the channel and the touchpoint type. A channel with
/// <c>OutboundUrl</c> relays everything to that URL, whatever its platform (an explicit setting wins); otherwise WeChat
/// gets customer-service messages, WeCom a customer message task (or, for <c>alert</c>, a group-robot post), and
/// platforms without an outbound API here are refused with how to relay them. Keep one instance: it holds the token cache.
/// </summary>
public sealed class TouchpointSenders : ITouchpointSender
{
    public const string AlertType = "alert";

    private readonly WeChatCustomerServiceSender _weChat;
    private readonly WeComExternalContactSender _weComContact;
    private readonly WeComRobotSender _weComRobot;
    private readonly GenericWebhookSender _generic;

    /// <param name="http">The factory with the <see cref="SenderHttp"/> client registered (<see cref="SenderHttp.AddSenderHttp"/>).</param>
    /// <exception cref="ArgumentException">The endpoints are unusable; the message names each <c>Senders:*</c> setting.</exception>
    public TouchpointSenders(IHttpClientFactory http, TimeProvider time, OutboundEndpoints endpoints, ILogger<TouchpointSenders>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.Validate() is { Count: > 0 } problems)
        {
            throw new ArgumentException("Sender settings are invalid: " + string.Join("; ", problems), nameof(endpoints));
        }

        ILogger log = logger ?? NullLogger<TouchpointSenders>.Instance;
        var platformHttp = new PlatformHttp(http, time, endpoints.Timeout);
        Tokens = new AccessTokenCache(time, endpoints.TokenRefreshBefore);
        _weChat = new WeChatCustomerServiceSender(platformHttp, Tokens, endpoints, log);
        _weComContact = new WeComExternalContactSender(platformHttp, Tokens, endpoints, log);
        _weComRobot = new WeComRobotSender(platformHttp, endpoints);
        _generic = new GenericWebhookSender(platformHttp);
    }

    /// <summary>The access tokens held for WeChat and WeCom credentials.</summary>
    public AccessTokenCache Tokens { get; }

    public Task<SendResult> SendAsync(OutboundMessage message, ChannelSettings channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(channel);
        ITouchpointSender? sender = Route(channel, message.Touchpoint.Type) switch
        {
            SenderRoute.GenericWebhook => _generic,
            SenderRoute.WeChatCustomerService => _weChat,
            SenderRoute.WeComExternalContact => _weComContact,
            SenderRoute.WeComRobot => _weComRobot,
            _ => null,
        };
        return sender is null
            ? Task.FromResult(SendResult.Permanent(NoSender(channel)))
            : sender.SendAsync(message, channel, cancellationToken);
    }

    /// <summary>
    /// Problems with the channel's settings for sending touchpoints of <paramref name="type"/>, each naming the setting;
    /// empty when ready. For start-up and admin checks: a send with the same problem ends Permanent with the same words.
    /// </summary>
    public static IReadOnlyList<string> ValidateSettings(ChannelSettings channel, string type)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var problem = Route(channel, type) switch
        {
            SenderRoute.GenericWebhook => GenericWebhookSender.SettingsProblem(channel),
            SenderRoute.WeChatCustomerService => WeChatCustomerServiceSender.SettingsProblem(channel),
            SenderRoute.WeComExternalContact => WeComExternalContactSender.SettingsProblem(channel),
            SenderRoute.WeComRobot => WeComRobotSender.SettingsProblem(channel),
            _ => NoSender(channel),
        };
        return problem is null ? [] : [problem];
    }

    /// <summary>
    /// Why the channel cannot carry alerts to staff (a WeCom group robot, or the brand's own system through a signed
    /// webhook); null when it can. A WeChat or WeCom customer message would reach a customer, so those are refused.
    /// </summary>
    public static string? StaffAlertProblem(ChannelSettings channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return Route(channel, AlertType) switch
        {
            SenderRoute.WeComRobot or SenderRoute.GenericWebhook => ValidateSettings(channel, AlertType) is [var problem, ..] ? problem : null,
            _ => $"channel {channel.Name} ({channel.Platform}) would send an alert to a customer: name a WeCom channel with {channel.SettingPath(OutboundSettings.RobotKey)}, or a channel with {channel.SettingPath(OutboundSettings.OutboundUrl)}",
        };
    }

    internal static SenderRoute Route(ChannelSettings channel, string? type)
    {
        if (channel.Secret(OutboundSettings.OutboundUrl) is not null || Is(channel, Platforms.Generic.GenericAdapter.PlatformName))
        {
            return SenderRoute.GenericWebhook;
        }

        if (Is(channel, WeChatTokenClient.Platform))
        {
            return SenderRoute.WeChatCustomerService;
        }

        if (Is(channel, WeComTokenClient.Platform))
        {
            return string.Equals(type, AlertType, StringComparison.OrdinalIgnoreCase) ? SenderRoute.WeComRobot : SenderRoute.WeComExternalContact;
        }

        return SenderRoute.None;
    }

    private static bool Is(ChannelSettings channel, string platform) => string.Equals(channel.Platform, platform, StringComparison.OrdinalIgnoreCase);

    private static string NoSender(ChannelSettings channel) =>
        $"no sender for platform {channel.Platform}: set {channel.SettingPath(OutboundSettings.OutboundUrl)} to relay through your own system";
}
