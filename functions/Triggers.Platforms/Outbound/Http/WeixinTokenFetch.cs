using Microsoft.Extensions.Logging;

namespace Triggers.Platforms.Outbound.Http;

/// <summary>
/// WeChat and WeCom issue tokens the same way ({"access_token", "expires_in"} or an errcode); only the request and the
/// error mapping differ, so both token clients send their request through here.
/// </summary>
internal static class WeixinTokenFetch
{
    /// <summary>Both platforms document 7200 s; used only if a reply leaves expires_in out.</summary>
    private static readonly TimeSpan DocumentedLifetime = TimeSpan.FromSeconds(7200);

    public static async Task<TokenResult> SendAsync(
        PlatformHttp http,
        HttpRequestMessage request,
        string what,
        string platform,
        string accountId,
        Func<WeixinReply, TimeSpan?, SendResult> error,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        using var owned = request;

        // Asking for the current token again changes nothing, so a failed fetch may be retried at once.
        request.Options.Set(SenderHttp.SafeToRepeat, true);
        var result = Read(await http.SendAsync(request, what, cancellationToken), what, error);
        if (result.IsIssued)
        {
            SenderLog.TokenFetched(logger, platform, accountId, (long)result.ExpiresIn.TotalSeconds);
        }
        else
        {
            SenderLog.TokenFetchFailed(logger, platform, accountId, result.Failure.Detail);
        }

        return result;
    }

    private static TokenResult Read(HttpAttempt attempt, string what, Func<WeixinReply, TimeSpan?, SendResult> error)
    {
        if (!attempt.Answered)
        {
            return TokenResult.Failed(attempt.Failure);
        }

        if (attempt.Reply.StatusFailure(what) is { } failure)
        {
            return TokenResult.Failed(failure);
        }

        var reply = WeixinReply.Parse(attempt.Reply.Body);
        if (reply is null)
        {
            return TokenResult.Failed(SendResult.Retry($"{what} answered something other than a JSON object{attempt.Reply.Excerpt()}"));
        }

        if (!reply.Ok)
        {
            return TokenResult.Failed(error(reply, attempt.Reply.RetryAfter));
        }

        return reply.String("access_token") is { } token
            ? TokenResult.Issued(token, reply.Number("expires_in") is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : DocumentedLifetime)
            : TokenResult.Failed(SendResult.Retry($"{what} answered without an access_token"));
    }
}
