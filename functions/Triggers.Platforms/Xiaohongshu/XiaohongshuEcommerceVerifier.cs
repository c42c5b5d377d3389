using System.Globalization;

namespace Triggers.Platforms.Xiaohongshu;

/// <summary>Header checks for the e-commerce push: sign first, then the app key, then the timestamp (ms or s).</summary>
internal static class XiaohongshuEcommerceVerifier
{
    public const string AppKeyHeader = "app-key";
    public const string TimestampHeader = "timestamp";
    public const string SignHeader = "sign";

    // Unix seconds stay below this until the year 5138; milliseconds passed it in 1973.
    private const long MillisecondsThreshold = 100_000_000_000;

    public static WebhookRejected? Verify(WebhookRequest request, ChannelSettings channel, XiaohongshuOptions options)
    {
        var (appKey, timestamp, sign) = (Header(request, AppKeyHeader), Header(request, TimestampHeader), Header(request, SignHeader));
        if (appKey is null || timestamp is null || sign is null)
        {
            string?[] values = [appKey, timestamp, sign];
            string[] names = [AppKeyHeader, TimestampHeader, SignHeader];
            var missing = names.Where((_, i) => values[i] is null);
            return new WebhookRejected(401, $"missing header {string.Join(", ", missing)}; e-commerce pushes carry app-key, timestamp and sign");
        }

        if (options.AppKey is null || options.AppSecret is null)
        {
            return new WebhookRejected(401, $"this is an e-commerce push but channel {channel.Name} has no {ChannelSecrets.AppKey}; set {channel.SettingPath(ChannelSecrets.AppKey)} and {channel.SettingPath(ChannelSecrets.AppSecret)} from the Xiaohongshu console");
        }

        if (!XiaohongshuSign.Matches(sign, XiaohongshuSign.WebhookPath(channel.Name), appKey, timestamp, options.AppSecret))
        {
            return new WebhookRejected(401, $"sign does not match MD5(\"{XiaohongshuSign.WebhookPath(channel.Name)}?app-key=…&timestamp=…\" + AppSecret); check {channel.SettingPath(ChannelSecrets.AppSecret)} (the scheme is inferred: see docs/platforms/xiaohongshu.md)");
        }

        if (!string.Equals(appKey, options.AppKey, StringComparison.Ordinal))
        {
            return new WebhookRejected(403, $"app-key '{Shorten(appKey)}' is not this channel's {channel.SettingPath(ChannelSecrets.AppKey)}");
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return new WebhookRejected(400, $"header timestamp '{Shorten(timestamp)}' is not unix milliseconds or seconds");
        }

        var signedAt = value >= MillisecondsThreshold ? DateTimeOffset.FromUnixTimeMilliseconds(value) : DateTimeOffset.FromUnixTimeSeconds(value);
        return ReplayGuard.Check(timestamp, signedAt, request.ReceivedAt, channel.ReplayWindow);
    }

    public static string? Header(WebhookRequest request, string name) =>
        request.Headers.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
