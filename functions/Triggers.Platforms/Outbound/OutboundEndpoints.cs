namespace Triggers.Platforms.Outbound;

/// <summary>
/// Where the senders call and how long they wait, bound from <c>Senders:*</c>. The base URLs exist so tests (and a
/// corporate egress proxy) can stand in for the platforms; credentials stay per channel.
/// </summary>
public sealed record OutboundEndpoints
{
    public const string SectionName = "Senders";

    /// <summary>WeChat Official Account API root (token and customer-service message).</summary>
    public string WeChatBaseUrl { get; init; } = "https://api.weixin.qq.com";

    /// <summary>WeCom API root (token, external-contact task, group robot).</summary>
    public string WeComBaseUrl { get; init; } = "https://qyapi.weixin.qq.com";

    /// <summary>Per HTTP call (a token fetch or a send); measured on the injected <see cref="TimeProvider"/>'s timers.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A cached access token is replaced this long before it expires (at most half its lifetime).</summary>
    public TimeSpan TokenRefreshBefore { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Problems, each naming the <c>Senders:*</c> setting; empty when usable.</summary>
    /// <summary>The bounds the HTTP resilience handler accepts for one attempt (with a minute as a sane ceiling).</summary>
    public static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);

    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(1);

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        CheckBase(nameof(WeChatBaseUrl), WeChatBaseUrl, problems);
        CheckBase(nameof(WeComBaseUrl), WeComBaseUrl, problems);
        if (Timeout < MinTimeout || Timeout > MaxTimeout)
        {
            problems.Add($"{SectionName}:{nameof(Timeout)} must be between 00:00:00.010 and 00:01:00, for example 00:00:10");
        }

        if (TokenRefreshBefore < TimeSpan.Zero)
        {
            problems.Add($"{SectionName}:{nameof(TokenRefreshBefore)} must not be negative, for example 00:05:00");
        }

        return problems;
    }

    private static void CheckBase(string name, string? value, List<string> problems)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"{SectionName}:{name} must be an absolute http or https URL");
        }
    }
}
