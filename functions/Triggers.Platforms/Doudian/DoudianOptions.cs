namespace Triggers.Platforms.Doudian;

/// <summary>A 抖店 channel's settings, checked: the app key (sent as <c>app-id</c> and signed) and the app secret.</summary>
public sealed class DoudianOptions : IChannelOptions<DoudianOptions>
{
    private DoudianOptions(string appKey, string appSecret)
    {
        AppKey = appKey;
        AppSecret = appSecret;
    }

    public string AppKey { get; }

    public string AppSecret { get; }

    public static DoudianOptions? TryFrom(ChannelSettings channel, out IReadOnlyList<string> problems)
    {
        problems = Validate(channel);
        return problems.Count > 0
            ? null
            : new DoudianOptions(channel.Secret(ChannelSecrets.AppKey)!, channel.Secret(ChannelSecrets.AppSecret)!);
    }

    public static IReadOnlyList<string> Validate(ChannelSettings channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var problems = new List<string>();
        if (channel.Secret(ChannelSecrets.AppKey) is null)
        {
            problems.Add($"{channel.SettingPath(ChannelSecrets.AppKey)} is missing: set the App Key of the 抖店 app from the 抖店开放平台 console; " +
                "every push carries it in the app-id header and in its signature");
        }

        if (channel.Secret(ChannelSecrets.AppSecret) is null)
        {
            problems.Add($"{channel.SettingPath(ChannelSecrets.AppSecret)} is missing: set the App Secret of the 抖店 app from the same console page; it signs every push");
        }

        return problems;
    }
}
