using Microsoft.Extensions.Logging;

namespace Triggers.Platforms.Outbound;

/// <summary>
/// Runs a call with the credential's cached token. When the platform rejects the token (expired early, replaced by
/// another client), the token is dropped, a fresh one fetched and the call made once more, all within this send.
/// </summary>
internal static class TokenedSend
{
    public static async Task<SendResult> RunAsync(
        AccessTokenCache tokens,
        AccessTokenKey key,
        Func<CancellationToken, Task<TokenResult>> fetch,
        Func<string, CancellationToken, Task<CallResult>> call,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var token = await tokens.GetAsync(key, fetch, cancellationToken);
            if (!token.IsIssued)
            {
                return token.Failure;
            }

            var outcome = await call(token.Token, cancellationToken);
            if (!outcome.TokenRejected)
            {
                return outcome.Result;
            }

            tokens.Invalidate(key, token.Token);
            if (attempt == 2)
            {
                // A brand-new token rejected too: something outside us keeps replacing it; let the dispatcher back off.
                return outcome.Result;
            }

            SenderLog.TokenRejected(logger, key.Platform, key.AppId, outcome.Result.Detail);
        }
    }
}
