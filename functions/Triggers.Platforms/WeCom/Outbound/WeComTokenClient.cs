using Triggers.Platforms.Outbound;
using Microsoft.Extensions.Logging;
using Triggers.Platforms.Outbound.Http;

namespace Triggers.Platforms.WeCom.Outbound;

/// <summary><c>GET /cgi-bin/gettoken?corpid=&amp;corpsecret=</c>: one token per (corp, secret), valid about two hours.</summary>
internal sealed class WeComTokenClient(PlatformHttp http, OutboundEndpoints endpoints, ILogger logger)
{
    public const string Platform = "wecom";
    private const string What = "WeCom cgi-bin/gettoken";

    public Task<TokenResult> FetchAsync(ChannelSettings channel, string corpId, string secret, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(
            HttpMethod.Get,
            WeixinJson.Url(endpoints.WeComBaseUrl, "/cgi-bin/gettoken", ("corpid", corpId), ("corpsecret", secret)));
        return WeixinTokenFetch.SendAsync(http, request, What, Platform, corpId, (reply, retryAfter) => WeComErrors.ForToken(reply, channel, retryAfter), logger, cancellationToken);
    }
}
