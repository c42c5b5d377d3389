using Microsoft.Extensions.Logging;
using Triggers.Platforms.Outbound.Http;

namespace Triggers.Platforms.Outbound.WeCom;

/// <summary><c>GET /cgi-bin/gettoken?corpid=&amp;corpsecret=</c>: one token per (corp, secret), valid about two hours.</summary>
internal sealed class WeComTokenClient(PlatformHttp http, OutboundEndpoints endpoints, ILogger logger)
{
    public const string Platform = "wecom";
    private const string What = "WeCom cgi-bin/gettoken";

    /// <summary>WeCom documents 7200 s; used only if a reply leaves expires_in out.</summary>
    private static readonly TimeSpan DocumentedLifetime = TimeSpan.FromSeconds(7200);

    public async Task<TokenResult> FetchAsync(ChannelSettings channel, string corpId, string secret, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(
            HttpMethod.Get,
            WeixinJson.Url(endpoints.WeComBaseUrl, "/cgi-bin/gettoken", ("corpid", corpId), ("corpsecret", secret)));
        var result = Read(await http.SendAsync(request, What, cancellationToken), channel);
        if (result.IsIssued)
        {
            SenderLog.TokenFetched(logger, Platform, corpId, (long)result.ExpiresIn.TotalSeconds);
        }
        else
        {
            SenderLog.TokenFetchFailed(logger, Platform, corpId, result.Failure.Detail);
        }

        return result;
    }

    private static TokenResult Read(HttpAttempt attempt, ChannelSettings channel)
    {
        if (!attempt.Answered)
        {
            return TokenResult.Failed(attempt.Failure);
        }

        if (attempt.Reply.StatusFailure(What) is { } failure)
        {
            return TokenResult.Failed(failure);
        }

        var reply = WeixinReply.Parse(attempt.Reply.Body);
        if (reply is null)
        {
            return TokenResult.Failed(SendResult.Retry($"{What} answered something other than a JSON object{attempt.Reply.Excerpt()}"));
        }

        if (!reply.Ok)
        {
            return TokenResult.Failed(WeComErrors.ForToken(reply, channel, attempt.Reply.RetryAfter));
        }

        return reply.String("access_token") is { } token
            ? TokenResult.Issued(token, reply.Number("expires_in") is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : DocumentedLifetime)
            : TokenResult.Failed(SendResult.Retry($"{What} answered without an access_token"));
    }
}
