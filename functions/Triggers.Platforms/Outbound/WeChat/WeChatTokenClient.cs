using Microsoft.Extensions.Logging;
using Triggers.Platforms.Outbound.Http;

namespace Triggers.Platforms.Outbound.WeChat;

/// <summary>
/// <c>POST /cgi-bin/stable_token</c> without force_refresh: it hands back the current token while it is valid, so
/// several instances (or another system on the same AppId) do not invalidate each other as <c>/cgi-bin/token</c> does.
/// </summary>
internal sealed class WeChatTokenClient(PlatformHttp http, OutboundEndpoints endpoints, ILogger logger)
{
    public const string Platform = "wechat";
    private const string What = "WeChat cgi-bin/stable_token";

    /// <summary>WeChat documents 7200 s; used only if a reply leaves expires_in out.</summary>
    private static readonly TimeSpan DocumentedLifetime = TimeSpan.FromSeconds(7200);

    public async Task<TokenResult> FetchAsync(ChannelSettings channel, string appId, string appSecret, CancellationToken cancellationToken)
    {
        var body = $$"""{"grant_type":"client_credential","appid":{{WeixinJson.Quote(appId)}},"secret":{{WeixinJson.Quote(appSecret)}},"force_refresh":false}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, WeixinJson.Url(endpoints.WeChatBaseUrl, "/cgi-bin/stable_token"))
        {
            Content = WeixinJson.Content(body),
        };
        var result = Read(await http.SendAsync(request, What, cancellationToken), channel);
        if (result.IsIssued)
        {
            SenderLog.TokenFetched(logger, Platform, appId, (long)result.ExpiresIn.TotalSeconds);
        }
        else
        {
            SenderLog.TokenFetchFailed(logger, Platform, appId, result.Failure.Detail);
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
            return TokenResult.Failed(WeChatErrors.ForToken(reply, channel, attempt.Reply.RetryAfter));
        }

        return reply.String("access_token") is { } token
            ? TokenResult.Issued(token, reply.Number("expires_in") is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : DocumentedLifetime)
            : TokenResult.Failed(SendResult.Retry($"{What} answered without an access_token"));
    }
}
