namespace Triggers.Platforms.Kuaishou;

/// <summary>A Kuaishou channel's settings, checked: the app secret that signs pushes, optionally the app id.</summary>
public sealed class KuaishouOptions : IChannelOptions<KuaishouOptions>
{
    private KuaishouOptions(string appSecret, string? appId)
    {
        AppSecret = appSecret;
        AppId = appId;
    }

    public string AppSecret { get; }

    /// <summary>Null when not configured: the app_id in events is then not checked.</summary>
    public string? AppId { get; }

    public static KuaishouOptions? TryFrom(ChannelSettings channel, out IReadOnlyList<string> problems)
    {
        problems = Validate(channel);
        return problems.Count > 0
            ? null
            : new KuaishouOptions(channel.Secret(ChannelSecrets.AppSecret)!, channel.Secret(ChannelSecrets.AppId));
    }

    public static IReadOnlyList<string> Validate(ChannelSettings channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var problems = new List<string>();
        if (channel.Secret(ChannelSecrets.AppSecret) is null)
        {
            problems.Add($"{channel.SettingPath(ChannelSecrets.AppSecret)} is missing: set the app_secret of the Kuaishou app from the Kuaishou Open Platform console; it signs every push (kwaisign)");
        }

        if (channel.ReplayWindow <= TimeSpan.Zero)
        {
            problems.Add($"{channel.SettingPath("ReplayWindow")} must be positive: set Webhooks:ReplayWindow or the channel's ReplayWindow to a TimeSpan such as 00:05:00");
        }

        return problems;
    }
}
