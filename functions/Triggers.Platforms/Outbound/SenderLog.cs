using Microsoft.Extensions.Logging;

namespace Triggers.Platforms.Outbound;

/// <summary>Token life-cycle events: sends themselves are recorded by the dispatcher with their <see cref="SendResult"/>.</summary>
internal static partial class SenderLog
{
    [LoggerMessage(600, LogLevel.Information, "Fetched a {Platform} access token for {AppId}, valid {ExpiresInSeconds} s")]
    public static partial void TokenFetched(ILogger logger, string platform, string appId, long expiresInSeconds);

    [LoggerMessage(601, LogLevel.Warning, "Could not fetch a {Platform} access token for {AppId}: {Detail}")]
    public static partial void TokenFetchFailed(ILogger logger, string platform, string appId, string detail);

    [LoggerMessage(602, LogLevel.Warning, "{Platform} rejected the cached access token for {AppId}; fetching a new one ({Detail})")]
    public static partial void TokenRejected(ILogger logger, string platform, string appId, string detail);
}
