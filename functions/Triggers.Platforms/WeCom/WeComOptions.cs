using Triggers.Platforms.WeChat;

namespace Triggers.Platforms.WeCom;

/// <summary>
/// A WeCom channel's settings, checked. WeCom callbacks are always encrypted, so Token and EncodingAesKey
/// are required, plus the id WeCom appends to every encrypted message (<see cref="ReceiveId"/>).
/// </summary>
public sealed class WeComOptions : IChannelOptions<WeComOptions>
{
    /// <summary>The setting for a third-party suite's id; when set it is the receive id instead of CorpId.</summary>
    public const string SuiteId = "SuiteId";

    internal const string Console = "the WeCom admin console (应用管理 → 接收消息 → 设置API接收)";

    private WeComOptions(string token, WeChatCrypto crypto, string receiveId, string receiveIdSetting)
    {
        Token = token;
        Crypto = crypto;
        ReceiveId = receiveId;
        ReceiveIdSetting = receiveIdSetting;
    }

    public string Token { get; }

    public WeChatCrypto Crypto { get; }

    /// <summary>The id decrypted messages must end with: the SuiteId when configured, else the CorpId.</summary>
    public string ReceiveId { get; }

    /// <summary>"SuiteId" or "CorpId": the setting <see cref="ReceiveId"/> came from, for error messages.</summary>
    public string ReceiveIdSetting { get; }

    /// <exception cref="InvalidOperationException">The settings have problems; <see cref="Validate"/> lists them.</exception>
    public static WeComOptions From(ChannelSettings channel) =>
        TryFrom(channel, out var problems) ?? throw new InvalidOperationException(string.Join(" ", problems));

    public static WeComOptions? TryFrom(ChannelSettings channel, out IReadOnlyList<string> problems)
    {
        problems = Validate(channel);
        if (problems.Count > 0)
        {
            return null;
        }

        var suiteId = channel.Secret(SuiteId);
        return new WeComOptions(
            channel.Secret(ChannelSecrets.Token)!,
            WeChatCrypto.Create(channel.Secret(ChannelSecrets.EncodingAesKey)!),
            suiteId ?? channel.Secret(ChannelSecrets.CorpId)!,
            suiteId is null ? ChannelSecrets.CorpId : SuiteId);
    }

    public static IReadOnlyList<string> Validate(ChannelSettings channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var problems = new List<string>();

        var token = channel.Secret(ChannelSecrets.Token);
        if (token is null)
        {
            problems.Add($"{channel.SettingPath(ChannelSecrets.Token)} is missing: set the Token shown in {Console}");
        }
        else if (token.Length > 32 || !token.All(char.IsAsciiLetterOrDigit))
        {
            problems.Add($"{channel.SettingPath(ChannelSecrets.Token)} is not a valid WeCom Token ({token.Length} characters): it is at most 32 letters or digits; copy it from {Console}");
        }

        var key = channel.Secret(ChannelSecrets.EncodingAesKey);
        if (key is null)
        {
            problems.Add($"{channel.SettingPath(ChannelSecrets.EncodingAesKey)} is missing: WeCom encrypts every callback; set the EncodingAESKey shown in {Console}");
        }
        else if (!WeChatCrypto.TryCreate(key, out _))
        {
            problems.Add($"{channel.SettingPath(ChannelSecrets.EncodingAesKey)} is not a valid EncodingAESKey ({key.Length} characters): it is {WeChatCrypto.EncodingAesKeyLength} letters or digits; copy it from {Console}");
        }

        if (channel.Secret(ChannelSecrets.CorpId) is null && channel.Secret(SuiteId) is null)
        {
            problems.Add($"{channel.SettingPath(ChannelSecrets.CorpId)} is missing: set the corp's CorpID (我的企业 → 企业信息 → 企业ID) for a self-built app, " +
                         $"or {channel.SettingPath(SuiteId)} for a third-party suite's instruction callback");
        }

        if (channel.ReplayWindow <= TimeSpan.Zero)
        {
            problems.Add($"{channel.SettingPath("ReplayWindow")} must be positive: set Webhooks:ReplayWindow or the channel's ReplayWindow to a TimeSpan such as 00:05:00");
        }

        return problems;
    }
}
