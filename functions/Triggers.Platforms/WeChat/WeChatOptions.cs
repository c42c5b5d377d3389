namespace Triggers.Platforms.WeChat;

/// <summary>
/// A WeChat channel's settings, checked. With an EncodingAesKey the channel is in safe mode:
/// messages must arrive encrypted and are checked against <see cref="AppId"/> once decrypted.
/// </summary>
public sealed class WeChatOptions : IChannelOptions<WeChatOptions>
{
    /// <summary>WeChat messages are a few KB; anything near this is not from WeChat.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    private WeChatOptions(string token, WeChatCrypto? crypto, string? appId)
    {
        Token = token;
        Crypto = crypto;
        AppId = appId;
    }

    public string Token { get; }

    /// <summary>Null in plaintext mode.</summary>
    public WeChatCrypto? Crypto { get; }

    /// <summary>The id WeChat appends to encrypted messages: the AppID, or for a third-party platform the component app id.</summary>
    public string? AppId { get; }

    /// <exception cref="InvalidOperationException">The settings have problems; <see cref="Validate"/> lists them.</exception>
    public static WeChatOptions From(ChannelSettings channel) =>
        TryFrom(channel, out var problems) ?? throw new InvalidOperationException(string.Join(" ", problems));

    /// <summary>The options, or null with the <paramref name="problems"/> that <see cref="Validate"/> reports.</summary>
    public static WeChatOptions? TryFrom(ChannelSettings channel, out IReadOnlyList<string> problems)
    {
        problems = Validate(channel);
        if (problems.Count > 0)
        {
            return null;
        }

        var key = channel.Secret(ChannelSecrets.EncodingAesKey);
        return new WeChatOptions(
            channel.Secret(ChannelSecrets.Token)!,
            key is null ? null : WeChatCrypto.Create(key),
            channel.Secret(ChannelSecrets.AppId));
    }

    public static IReadOnlyList<string> Validate(ChannelSettings channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var problems = new List<string>();

        var token = channel.Secret(ChannelSecrets.Token);
        if (token is null)
        {
            problems.Add($"{channel.SettingPath(ChannelSecrets.Token)} is missing: set the Token configured in the WeChat console (3-32 characters)");
        }
        else if (token.Length is < 3 or > 32 || !token.All(char.IsAsciiLetterOrDigit))
        {
            problems.Add($"{channel.SettingPath(ChannelSecrets.Token)} is not a valid WeChat Token ({token.Length} characters): the console accepts 3-32 letters or digits; copy it from there");
        }

        var key = channel.Secret(ChannelSecrets.EncodingAesKey);
        if (key is not null && !WeChatCrypto.TryCreate(key, out _))
        {
            problems.Add($"{channel.SettingPath(ChannelSecrets.EncodingAesKey)} is not a valid EncodingAESKey ({key.Length} characters): it is {WeChatCrypto.EncodingAesKeyLength} letters or digits; copy it from the WeChat console, or remove it for plaintext mode");
        }

        if (key is not null && channel.Secret(ChannelSecrets.AppId) is null)
        {
            problems.Add($"{channel.SettingPath(ChannelSecrets.AppId)} is missing: safe mode (EncodingAesKey set) needs the AppID from the WeChat console (a third-party platform uses its component app id) to check decrypted messages");
        }

        if (channel.ReplayWindow <= TimeSpan.Zero)
        {
            problems.Add($"{channel.SettingPath("ReplayWindow")} must be positive: set Webhooks:ReplayWindow or the channel's ReplayWindow to a TimeSpan such as 00:05:00");
        }

        return problems;
    }
}
