using Triggers.Platforms.Outbound;
using Triggers.Platforms.Outbound.Http;

namespace Triggers.Platforms.WeCom.Outbound;

/// <summary>
/// WeCom errcodes as the dispatcher needs them (public documentation, corroborated by SDKs; docs/senders.md).
/// Note that in WeCom 40001 means a wrong secret (at gettoken), not a bad token as in WeChat.
/// </summary>
internal static class WeComErrors
{
    public static bool IsTransient(int code) => code is -1 or 45009;

    public static CallResult ForExternalContact(WeixinReply reply, ChannelSettings channel, TimeSpan? retryAfter)
    {
        var what = $"WeCom refused the customer message task ({reply.Describe()})";
        return reply.ErrCode switch
        {
            40014 or 42001 => new CallResult(SendResult.Retry($"{what}: the access token was rejected even after fetching a new one", retryAfter), TokenRejected: true),
            48002 => new CallResult(SendResult.Permanent(
                $"{what}: api forbidden: use the 客户联系 secret (客户与上下游 → 客户联系 → API → Secret) in {channel.SettingPath(ChannelSecrets.Secret)}, or add this app to 可调用应用")),
            _ when IsTransient(reply.ErrCode) => new CallResult(SendResult.Retry($"{what}: busy or rate-limited", retryAfter)),
            _ => new CallResult(SendResult.Permanent(
                $"{what}: check the contact's external_userid and {channel.SettingPath(OutboundSettings.SenderUserId)}")),
        };
    }

    public static SendResult ForRobot(WeixinReply reply, ChannelSettings channel, TimeSpan? retryAfter)
    {
        var what = $"WeCom group robot refused the message ({reply.Describe()})";
        return reply.ErrCode switch
        {
            93000 => SendResult.Permanent($"{what}: the robot key is invalid or the robot was removed; check {channel.SettingPath(OutboundSettings.RobotKey)}"),
            _ when IsTransient(reply.ErrCode) => SendResult.Retry($"{what}: busy or rate-limited (a robot takes about 20 messages a minute)", retryAfter),
            _ => SendResult.Permanent(what),
        };
    }

    public static SendResult ForToken(WeixinReply reply, ChannelSettings channel, TimeSpan? retryAfter)
    {
        var what = $"WeCom refused an access token for {channel.SettingPath(ChannelSecrets.CorpId)} ({reply.Describe()})";
        return reply.ErrCode switch
        {
            _ when IsTransient(reply.ErrCode) => SendResult.Retry($"{what}: busy or rate-limited", retryAfter),
            40013 => SendResult.Permanent($"{what}: check {channel.SettingPath(ChannelSecrets.CorpId)} (我的企业 → 企业信息 → 企业ID)"),
            40001 or 40091 => SendResult.Permanent($"{what}: check {channel.SettingPath(ChannelSecrets.Secret)}, the 客户联系 secret"),
            60020 => SendResult.Permanent($"{what}: add this server's outbound IP address to the app's trusted IPs (企业可信IP)"),
            _ => SendResult.Permanent($"{what}: check {channel.SettingPath(ChannelSecrets.CorpId)} and {channel.SettingPath(ChannelSecrets.Secret)}"),
        };
    }
}
