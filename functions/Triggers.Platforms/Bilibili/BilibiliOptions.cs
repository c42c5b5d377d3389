namespace Triggers.Platforms.Bilibili;

/// <summary>A Bilibili channel's settings: the access key id the callbacks carry and the secret they are signed with.</summary>
public sealed class BilibiliOptions : IChannelOptions<BilibiliOptions>
{
    private BilibiliOptions(string appKey, string appSecret)
    {
        AppKey = appKey;
        AppSecret = appSecret;
    }

    /// <summary>The access_key_id (x-bili-accesskeyid) of the Bilibili open-platform developer.</summary>
    public string AppKey { get; }

    /// <summary>The access_key_secret the x-bili-* headers are signed with.</summary>
    public string AppSecret { get; }

    public static BilibiliOptions? TryFrom(ChannelSettings channel, out IReadOnlyList<string> problems)
    {
        problems = Validate(channel);
        return problems.Count == 0
            ? new BilibiliOptions(channel.Secret(ChannelSecrets.AppKey)!, channel.Secret(ChannelSecrets.AppSecret)!)
            : null;
    }

    public static IReadOnlyList<string> Validate(ChannelSettings channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var problems = new List<string>();
        if (channel.Secret(ChannelSecrets.AppKey) is null)
        {
            problems.Add($"{channel.SettingPath(ChannelSecrets.AppKey)} is missing: set the access_key_id from the Bilibili open platform console (it arrives as x-bili-accesskeyid)");
        }

        if (channel.Secret(ChannelSecrets.AppSecret) is null)
        {
            problems.Add($"{channel.SettingPath(ChannelSecrets.AppSecret)} is missing: set the access_key_secret from the Bilibili open platform console (the x-bili-* headers are signed with it)");
        }

        if (channel.ReplayWindow <= TimeSpan.Zero)
        {
            problems.Add($"{channel.SettingPath("ReplayWindow")} must be positive: set Webhooks:ReplayWindow or the channel's ReplayWindow to a TimeSpan such as 00:05:00");
        }

        return problems;
    }
}
