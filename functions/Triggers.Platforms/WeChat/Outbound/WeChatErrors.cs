using Triggers.Platforms.Outbound;
using Triggers.Core.Touchpoints;
using Triggers.Platforms.Outbound.Http;

namespace Triggers.Platforms.WeChat.Outbound;

/// <summary>
/// WeChat errcodes as the dispatcher needs them (public documentation, corroborated by SDKs; docs/senders.md).
/// Unknown codes are permanent: retrying a request WeChat has judged wrong only repeats the judgement.
/// </summary>
internal static class WeChatErrors
{
    public static bool IsTokenRejection(int code) => code is 40001 or 40014 or 42001;

    public static CallResult ForSend(WeixinReply reply, string contact, TimeSpan? retryAfter)
    {
        var what = $"WeChat refused the customer-service message ({reply.Describe()})";
        return reply.ErrCode switch
        {
            40001 or 40014 or 42001 => new CallResult(SendResult.Retry($"{what}: the access token was rejected even after fetching a new one", retryAfter), TokenRejected: true),
            45015 => new CallResult(SendResult.Blocked(GuardrailNames.PlatformPolicy,
                $"{what}: the contact has not interacted with the account in the last 48 hours, or has unsubscribed")),
            45047 => new CallResult(SendResult.Blocked(GuardrailNames.PlatformPolicy,
                $"{what}: the number of customer-service messages allowed since the contact's last interaction is used up")),
            43004 => new CallResult(SendResult.Blocked(GuardrailNames.Consent, $"{what}: the contact does not follow the account")),
            40003 => new CallResult(SendResult.Permanent($"{what}: '{contact}' is not an OpenID of this account")),
            48001 => new CallResult(SendResult.Permanent($"{what}: the account is not authorised for the customer-service API (verify the account or grant the permission)")),
            -1 or 45009 or 45011 => new CallResult(SendResult.Retry($"{what}: busy or rate-limited", retryAfter)),
            _ => new CallResult(SendResult.Permanent(what)),
        };
    }

    public static SendResult ForToken(WeixinReply reply, ChannelSettings channel, TimeSpan? retryAfter)
    {
        var what = $"WeChat refused an access token for {channel.SettingPath(ChannelSecrets.AppId)} ({reply.Describe()})";
        return reply.ErrCode switch
        {
            -1 or 45009 or 45011 => SendResult.Retry($"{what}: busy or rate-limited", retryAfter),
            40013 => SendResult.Permanent($"{what}: check {channel.SettingPath(ChannelSecrets.AppId)}"),
            40125 => SendResult.Permanent($"{what}: check {channel.SettingPath(ChannelSecrets.AppSecret)}"),
            40164 or 61004 => SendResult.Permanent($"{what}: add this server's outbound IP address to the account's IP whitelist (IP白名单)"),
            _ => SendResult.Permanent($"{what}: check {channel.SettingPath(ChannelSecrets.AppId)} and {channel.SettingPath(ChannelSecrets.AppSecret)}"),
        };
    }
}
