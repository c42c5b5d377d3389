namespace Triggers.Platforms.Outbound;

/// <summary>
/// Channel settings (<c>Channels:{name}:*</c>) only senders read, beside the secrets in <see cref="ChannelSecrets"/>.
/// They arrive in <see cref="ChannelSettings.Secrets"/> like every other non-reserved key.
/// </summary>
public static class OutboundSettings
{
    /// <summary>An absolute http(s) URL: touchpoints on the channel are POSTed there, signed, instead of to the platform.</summary>
    public const string OutboundUrl = "OutboundUrl";

    /// <summary>Signs outbound webhooks when set; otherwise <see cref="ChannelSecrets.Secret"/> does.</summary>
    public const string OutboundSecret = "OutboundSecret";

    /// <summary>WeCom group robot webhook key (the <c>key=</c> of its URL); a credential.</summary>
    public const string RobotKey = "RobotKey";

    /// <summary>WeCom member userid whose external contacts receive the message task.</summary>
    public const string SenderUserId = "SenderUserId";
}
