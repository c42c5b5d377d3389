using Triggers.Platforms.Outbound;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Triggers.Core.Touchpoints;
using Triggers.Platforms.Outbound.Http;

namespace Triggers.Platforms.WeCom.Outbound;

/// <summary>
/// A message to one WeCom external contact (customer): <c>POST /cgi-bin/externalcontact/add_msg_template</c>.
/// WeCom does not deliver it directly: it creates a task the member <c>SenderUserId</c> must confirm in the WeCom
/// app, so <see cref="SendOutcome.Sent"/> here means "task created" and the detail says so.
/// </summary>
internal sealed class WeComExternalContactSender(PlatformHttp http, AccessTokenCache tokens, OutboundEndpoints endpoints, ILogger logger)
    : ITouchpointSender
{
    private const string What = "WeCom externalcontact/add_msg_template";

    private readonly WeComTokenClient _tokenClient = new(http, endpoints, logger);

    public async Task<SendResult> SendAsync(OutboundMessage message, ChannelSettings channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(channel);
        if (MessageChecks.Refusal(SettingsProblem(channel), message, needsContact: true) is { } refused)
        {
            return refused;
        }

        var corpId = channel.Secret(ChannelSecrets.CorpId)!;
        var secret = channel.Secret(ChannelSecrets.Secret)!;
        var sender = channel.Secret(OutboundSettings.SenderUserId)!;
        return await TokenedSend.RunAsync(
            tokens,
            AccessTokenKey.For(WeComTokenClient.Platform, corpId, secret),
            ct => _tokenClient.FetchAsync(channel, corpId, secret, ct),
            (token, ct) => SendWithTokenAsync(message, channel, sender, token, ct),
            logger,
            cancellationToken);
    }

    public static string? SettingsProblem(ChannelSettings channel) =>
        MessageChecks.Missing(channel, ChannelSecrets.CorpId, ChannelSecrets.Secret, OutboundSettings.SenderUserId) is { } missing
            ? $"{missing} missing: WeCom customer messages need the CorpID, the 客户联系 secret and the userid of the member who confirms the message"
            : null;

    private async Task<CallResult> SendWithTokenAsync(OutboundMessage message, ChannelSettings channel, string sender, string token, CancellationToken cancellationToken)
    {
        var body = """{"chat_type":"single","external_userid":[""" + WeixinJson.Quote(message.Touchpoint.Contact) + """],"sender":""" + WeixinJson.Quote(sender)
                   + ""","text":{"content":""" + WeixinJson.Quote(message.Text) + "}}";
        using var request = new HttpRequestMessage(HttpMethod.Post, WeixinJson.Url(endpoints.WeComBaseUrl, "/cgi-bin/externalcontact/add_msg_template", ("access_token", token)))
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

        if (!reply.Ok)
        {
            return WeComErrors.ForExternalContact(reply, channel, attempt.Reply.RetryAfter);
        }

        var messageId = reply.String("msgid");
        if (FailList(reply).Contains(message.Touchpoint.Contact, StringComparer.Ordinal))
        {
            // WeCom lists the contacts it will not put in the task without saying why: the customer is not (or no
            // longer) this member's contact, or has had its share of group messages. Either way it is the platform's
            // rule, not a fault to retry.
            return new CallResult(SendResult.Blocked(GuardrailNames.PlatformPolicy,
                $"WeCom left the contact out of the message task (fail_list): it is not a customer of member {sender} or has reached WeCom's limit on customer messages"));
        }

        return new CallResult(new SendResult(
            SendOutcome.Sent,
            $"task created (msgid {messageId ?? "not given"}): member {sender} must confirm it in WeCom before the customer receives the message",
            ProviderMessageId: messageId));
    }

    private static IEnumerable<string> FailList(WeixinReply reply) =>
        reply.Body["fail_list"] is JsonArray list
            ? list.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var id) ? id : null).OfType<string>()
            : [];
}
