using Triggers.Platforms.Outbound;
using Microsoft.Extensions.Logging;
using Triggers.Platforms.Outbound.Http;

namespace Triggers.Platforms.WeChat.Outbound;

/// <summary>
/// <c>POST /cgi-bin/stable_token</c> without force_refresh: it hands back the current token while it is valid, so
/// several instances (or another system on the same AppId) do not invalidate each other as <c>/cgi-bin/token</c> does.
/// </summary>
internal sealed class WeChatTokenClient(PlatformHttp http, OutboundEndpoints endpoints, ILogger logger)
{
    public const string Platform = "wechat";
    private const string What = "WeChat cgi-bin/stable_token";

    public Task<TokenResult> FetchAsync(ChannelSettings channel, string appId, string appSecret, CancellationToken cancellationToken)
    {
        var body = $$"""{"grant_type":"client_credential","appid":{{WeixinJson.Quote(appId)}},"secret":{{WeixinJson.Quote(appSecret)}},"force_refresh":false}""";
        var request = new HttpRequestMessage(HttpMethod.Post, WeixinJson.Url(endpoints.WeChatBaseUrl, "/cgi-bin/stable_token"))
        {
            Content = WeixinJson.Content(body),
        };
        return WeixinTokenFetch.SendAsync(http, request, What, Platform, appId, (reply, retryAfter) => WeChatErrors.ForToken(reply, channel, retryAfter), logger, cancellationToken);
    }
}
