using Triggers.Platforms.Outbound;
using Microsoft.Extensions.Logging;
using Triggers.Platforms.Outbound.Http;

namespace Triggers.Platforms.WeChat.Outbound;

/// <summary>
/// A text customer-service message (客服消息) from an Official Account: <c>POST /cgi-bin/message/custom/send</c>.
/// WeChat only delivers these within 48 hours of the contact's last interaction, which is why that refusal is a
/// guardrail (Blocked) rather than an error. WeChat takes no idempotency key: see docs/senders.md.
/// </summary>
internal sealed class WeChatCustomerServiceSender(PlatformHttp http, AccessTokenCache tokens, OutboundEndpoints endpoints, ILogger logger)
    : ITouchpointSender
{
    private const string What = "WeChat message/custom/send";

    private readonly WeChatTokenClient _tokenClient = new(http, endpoints, logger);

    public async Task<SendResult> SendAsync(OutboundMessage message, ChannelSettings channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(channel);
        if (MessageChecks.Refusal(SettingsProblem(channel), message, needsContact: true) is { } refused)
        {
            return refused;
        }

        var appId = channel.Secret(ChannelSecrets.AppId)!;
        var appSecret = channel.Secret(ChannelSecrets.AppSecret)!;
        return await TokenedSend.RunAsync(
            tokens,
            AccessTokenKey.For(WeChatTokenClient.Platform, appId, appSecret),
            ct => _tokenClient.FetchAsync(channel, appId, appSecret, ct),
            (token, ct) => SendWithTokenAsync(message, token, ct),
            logger,
            cancellationToken);
    }

    public static string? SettingsProblem(ChannelSettings channel) =>
        MessageChecks.Missing(channel, ChannelSecrets.AppId, ChannelSecrets.AppSecret) is { } missing
            ? $"{missing} missing: the WeChat customer-service API needs the account's AppID and AppSecret (公众平台 → 设置与开发 → 基本配置)"
            : null;

    private async Task<CallResult> SendWithTokenAsync(OutboundMessage message, string token, CancellationToken cancellationToken)
    {
        var body = """{"touser":""" + WeixinJson.Quote(message.Touchpoint.Contact) + ""","msgtype":"text","text":{"content":""" + WeixinJson.Quote(message.Text) + "}}";
        using var request = new HttpRequestMessage(HttpMethod.Post, WeixinJson.Url(endpoints.WeChatBaseUrl, "/cgi-bin/message/custom/send", ("access_token", token)))
        {
            Content = WeixinJson.Content(body),
        };
        var attempt = await http.SendAsync(request, What, cancellationToken);
        if (!attempt.Answered)
        {
            return new CallResult(attempt.Failure);
        }

        if (attempt.Reply.StatusFailure(What) is { } failure)
        {
            return new CallResult(failure);
        }

        var reply = WeixinReply.Parse(attempt.Reply.Body);
        if (reply is null)
        {
            return new CallResult(SendResult.Retry($"{What} answered something other than a JSON object{attempt.Reply.Excerpt()}"));
        }

        return reply.Ok
            ? new CallResult(SendResult.Sent(reply.String("msgid") ?? reply.Number("msgid")?.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            : WeChatErrors.ForSend(reply, message.Touchpoint.Contact, attempt.Reply.RetryAfter);
    }
}
