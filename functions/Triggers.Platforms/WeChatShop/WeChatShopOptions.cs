using Triggers.Platforms.WeChat;

namespace Triggers.Platforms.WeChatShop;

/// <summary>
/// A WeChat Shop channel's settings, checked. The shop's message push is fixed to safe mode and JSON, so
/// Token, EncodingAesKey and the shop's AppId (the id every decrypted message ends with) are all required.
/// </summary>
public sealed class WeChatShopOptions : IChannelOptions<WeChatShopOptions>
{
    internal const string Console = "the WeChat Shop backend (服务市场 → 自研 → 消息推送)";

    private WeChatShopOptions(string token, WeChatCrypto crypto, string appId)
    {
        Token = token;
        Crypto = crypto;
        AppId = appId;
    }

    public string Token { get; }

    public WeChatCrypto Crypto { get; }

    /// <summary>The shop's AppID, which WeChat appends to every encrypted push.</summary>
    public string AppId { get; }

    /// <exception cref="InvalidOperationException">The settings have problems; <see cref="Validate"/> lists them.</exception>
    public static WeChatShopOptions From(ChannelSettings channel) =>
        TryFrom(channel, out var problems) ?? throw new InvalidOperationException(string.Join(" ", problems));

    public static WeChatShopOptions? TryFrom(ChannelSettings channel, out IReadOnlyList<string> problems)
    {
        problems = Validate(channel);
        return problems.Count > 0
            ? null
            : new WeChatShopOptions(
                channel.Secret(ChannelSecrets.Token)!,
                WeChatCrypto.Create(channel.Secret(ChannelSecrets.EncodingAesKey)!),
                channel.Secret(ChannelSecrets.AppId)!);
    }

    public static IReadOnlyList<string> Validate(ChannelSettings channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var problems = new List<string>();

        var token = channel.Secret(ChannelSecrets.Token);
        if (token is null)
        {
            problems.Add($"{channel.SettingPath(ChannelSecrets.Token)} is missing: set the Token configured in {Console} (3-32 letters or digits)");
        }
        else if (token.Length is < 3 or > 32 || !token.All(char.IsAsciiLetterOrDigit))
        {
            problems.Add($"{channel.SettingPath(ChannelSecrets.Token)} is not a valid Token ({token.Length} characters): it is 3-32 letters or digits; copy it from {Console}");
        }

        var key = channel.Secret(ChannelSecrets.EncodingAesKey);
        if (key is null)
        {
            problems.Add($"{channel.SettingPath(ChannelSecrets.EncodingAesKey)} is missing: WeChat Shop pushes are always encrypted; set the EncodingAESKey from {Console}");
        }
        else if (!WeChatCrypto.TryCreate(key, out _))
        {
            problems.Add($"{channel.SettingPath(ChannelSecrets.EncodingAesKey)} is not a valid EncodingAESKey ({key.Length} characters): it is {WeChatCrypto.EncodingAesKeyLength} letters or digits; copy it from {Console}");
        }

        if (channel.Secret(ChannelSecrets.AppId) is null)
        {
            problems.Add($"{channel.SettingPath(ChannelSecrets.AppId)} is missing: set the shop's AppID (店铺管理 → 店铺基础信息), which every decrypted push is checked against");
        }

        if (channel.ReplayWindow <= TimeSpan.Zero)
        {
            problems.Add($"{channel.SettingPath("ReplayWindow")} must be positive: set Webhooks:ReplayWindow or the channel's ReplayWindow to a TimeSpan such as 00:05:00");
        }

        return problems;
    }
}
