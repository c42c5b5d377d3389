using Triggers.Platforms.WeChat;

namespace Triggers.Platforms.Xiaohongshu;

/// <summary>
/// A Xiaohongshu channel serves one or both pushes: the mini-program / 专业号 message push (Token,
/// EncodingAesKey, AppId, WeChat-style) and the e-commerce push (AppKey, AppSecret).
/// </summary>
public sealed class XiaohongshuOptions : IChannelOptions<XiaohongshuOptions>
{
    private XiaohongshuOptions(string? token, WeChatCrypto? crypto, string? appId, string? appKey, string? appSecret)
    {
        Token = token;
        Crypto = crypto;
        AppId = appId;
        AppKey = appKey;
        AppSecret = appSecret;
    }

    /// <summary>Null when the channel does not take mini-program pushes.</summary>
    public string? Token { get; }

    public WeChatCrypto? Crypto { get; }

    public string? AppId { get; }

    /// <summary>Null when the channel does not take e-commerce pushes.</summary>
    public string? AppKey { get; }

    public string? AppSecret { get; }

    public static XiaohongshuOptions? TryFrom(ChannelSettings channel, out IReadOnlyList<string> problems)
    {
        problems = Validate(channel);
        if (problems.Count > 0)
        {
            return null;
        }

        var key = channel.Secret(ChannelSecrets.EncodingAesKey);
        return new XiaohongshuOptions(
            channel.Secret(ChannelSecrets.Token),
            key is null ? null : WeChatCrypto.Create(key),
            channel.Secret(ChannelSecrets.AppId),
            channel.Secret(ChannelSecrets.AppKey),
            channel.Secret(ChannelSecrets.AppSecret));
    }

    public static IReadOnlyList<string> Validate(ChannelSettings channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var problems = new List<string>();
        string[] miniProgram = [ChannelSecrets.Token, ChannelSecrets.EncodingAesKey, ChannelSecrets.AppId];
        string[] ecommerce = [ChannelSecrets.AppKey, ChannelSecrets.AppSecret];
        var hasMiniProgram = RequireAllOrNone(channel, miniProgram, "the mini-program / 专业号 message push (its bodies are always encrypted)", problems);
        var hasEcommerce = RequireAllOrNone(channel, ecommerce, "the e-commerce (ark) message push", problems);

        if (channel.Secret(ChannelSecrets.EncodingAesKey) is { } key && !WeChatCrypto.TryCreate(key, out _))
        {
            problems.Add($"{channel.SettingPath(ChannelSecrets.EncodingAesKey)} is not a valid EncodingAESKey ({key.Length} characters): it is {WeChatCrypto.EncodingAesKeyLength} letters or digits; copy it from the Xiaohongshu console");
        }

        if (!hasMiniProgram && !hasEcommerce && problems.Count == 0)
        {
            problems.Add($"channel {channel.Name} has no Xiaohongshu secrets: set {string.Join(", ", miniProgram.Select(channel.SettingPath))} for the mini-program / 专业号 message push, " +
                $"and/or {string.Join(", ", ecommerce.Select(channel.SettingPath))} for the e-commerce push");
        }

        if (channel.ReplayWindow <= TimeSpan.Zero)
        {
            problems.Add($"{channel.SettingPath("ReplayWindow")} must be positive: set Webhooks:ReplayWindow or the channel's ReplayWindow to a TimeSpan such as 00:05:00");
        }

        return problems;
    }

    private static bool RequireAllOrNone(ChannelSettings channel, string[] names, string purpose, List<string> problems)
    {
        var missing = names.Where(name => channel.Secret(name) is null).ToList();
        if (missing.Count > 0 && missing.Count < names.Length)
        {
            problems.Add($"{string.Join(", ", missing.Select(channel.SettingPath))} {(missing.Count == 1 ? "is" : "are")} missing: {purpose} needs {string.Join(", ", names)} together; copy them from the Xiaohongshu console");
        }

        return missing.Count == 0;
    }
}
