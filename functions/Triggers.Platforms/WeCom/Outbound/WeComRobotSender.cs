using Triggers.Platforms.Outbound;
using Triggers.Platforms.Outbound.Http;

namespace Triggers.Platforms.WeCom.Outbound;

/// <summary>
/// An ops alert to a WeCom group chat through its robot: <c>POST /cgi-bin/webhook/send?key=</c>. The robot talks
/// to staff only; the contact on the touchpoint is who the alert is about, not who receives it.
/// </summary>
internal sealed class WeComRobotSender(PlatformHttp http, OutboundEndpoints endpoints) : ITouchpointSender
{
    private const string What = "WeCom webhook/send";

    public async Task<SendResult> SendAsync(OutboundMessage message, ChannelSettings channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(channel);
        if (MessageChecks.Refusal(SettingsProblem(channel), message, needsContact: false) is { } refused)
        {
            return refused;
        }

        var body = """{"msgtype":"text","text":{"content":""" + WeixinJson.Quote(message.Text) + "}}";
        using var request = new HttpRequestMessage(
            HttpMethod.Post,
            WeixinJson.Url(endpoints.WeComBaseUrl, "/cgi-bin/webhook/send", ("key", channel.Secret(OutboundSettings.RobotKey)!)))
        {
            Content = WeixinJson.Content(body),
        };
        var attempt = await http.SendAsync(request, What, cancellationToken);
        if (!attempt.Answered)
        {
            return attempt.Failure;
        }

        if (attempt.Reply.StatusFailure(What) is { } failure)
        {
            return failure;
        }

        var reply = WeixinReply.Parse(attempt.Reply.Body);
        if (reply is null)
        {
            return SendResult.Retry($"{What} answered something other than a JSON object{attempt.Reply.Excerpt()}");
        }

        return reply.Ok
            ? new SendResult(SendOutcome.Sent, "posted to the WeCom group robot")
            : WeComErrors.ForRobot(reply, channel, attempt.Reply.RetryAfter);
    }

    public static string? SettingsProblem(ChannelSettings channel) =>
        MessageChecks.Missing(channel, OutboundSettings.RobotKey) is { } missing
            ? $"{missing} missing: set the key from the group robot's webhook URL (…/cgi-bin/webhook/send?key=KEY) to send alerts"
            : null;
}
