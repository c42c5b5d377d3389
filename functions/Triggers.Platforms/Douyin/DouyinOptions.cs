namespace Triggers.Platforms.Douyin;

/// <summary>
/// A Douyin channel's settings, checked: the client secret that signs every push, and optionally the
/// app's client key (as <c>AppId</c> or <c>ClientKey</c>) to refuse events meant for another app.
/// </summary>
public sealed class DouyinOptions : IChannelOptions<DouyinOptions>
{
    /// <summary>Douyin's own name for the app id; accepted as an alias of <see cref="ChannelSecrets.AppId"/>.</summary>
    public const string ClientKeySettingName = "ClientKey";

    private DouyinOptions(string clientSecret, string? clientKey, string clientKeySetting)
    {
        ClientSecret = clientSecret;
        ClientKey = clientKey;
        ClientKeySetting = clientKeySetting;
    }

    public string ClientSecret { get; }

    /// <summary>Null when neither AppId nor ClientKey is set: the client_key in events is then not checked.</summary>
    public string? ClientKey { get; }

    /// <summary>Which setting holds <see cref="ClientKey"/>, for messages.</summary>
    public string ClientKeySetting { get; }

    public static DouyinOptions? TryFrom(ChannelSettings channel, out IReadOnlyList<string> problems)
    {
        problems = Validate(channel);
        if (problems.Count > 0)
        {
            return null;
        }

        var clientKey = channel.Secret(ClientKeySettingName);
        return clientKey is not null
            ? new DouyinOptions(channel.Secret(ChannelSecrets.ClientSecret)!, clientKey, ClientKeySettingName)
            : new DouyinOptions(channel.Secret(ChannelSecrets.ClientSecret)!, channel.Secret(ChannelSecrets.AppId), ChannelSecrets.AppId);
    }

    public static IReadOnlyList<string> Validate(ChannelSettings channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var problems = new List<string>();

        if (channel.Secret(ChannelSecrets.ClientSecret) is null)
        {
            problems.Add($"{channel.SettingPath(ChannelSecrets.ClientSecret)} is missing: set the app's Client Secret from the Douyin Open Platform console " +
                "(mini-apps: the webhook 验签秘钥; life services: the AppSecret); it signs every push");
        }

        var appId = channel.Secret(ChannelSecrets.AppId);
        var clientKey = channel.Secret(ClientKeySettingName);
        if (appId is not null && clientKey is not null && !string.Equals(appId, clientKey, StringComparison.Ordinal))
        {
            problems.Add($"{channel.SettingPath(ChannelSecrets.AppId)} and {channel.SettingPath(ClientKeySettingName)} differ: both name the app's client key; keep one of them");
        }

        return problems;
    }
}
