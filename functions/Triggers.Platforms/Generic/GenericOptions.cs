namespace Triggers.Platforms.Generic;

/// <summary>A generic channel's settings, checked: the shared HMAC secret and a usable replay window.</summary>
public sealed class GenericOptions : IChannelOptions<GenericOptions>
{
    /// <summary>Shorter secrets can be brute-forced offline from one captured request.</summary>
    public const int MinSecretLength = 16;

    private GenericOptions(string secret) => Secret = secret;

    public string Secret { get; }

    public static GenericOptions? TryFrom(ChannelSettings channel, out IReadOnlyList<string> problems)
    {
        problems = Validate(channel);
        return problems.Count == 0 ? new GenericOptions(channel.Secret(ChannelSecrets.Secret)!) : null;
    }

    public static IReadOnlyList<string> Validate(ChannelSettings channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var problems = new List<string>();
        var secret = channel.Secret(ChannelSecrets.Secret);
        if (secret is null)
        {
            problems.Add($"{channel.SettingPath(ChannelSecrets.Secret)} is missing: set a random secret of at least {MinSecretLength} characters shared with the sending system (for example the output of `openssl rand -hex 32`)");
        }
        else if (secret.Length < MinSecretLength)
        {
            problems.Add($"{channel.SettingPath(ChannelSecrets.Secret)} is too short ({secret.Length} characters): use at least {MinSecretLength} random characters, for example the output of `openssl rand -hex 32`");
        }

        if (channel.ReplayWindow <= TimeSpan.Zero)
        {
            problems.Add($"{channel.SettingPath("ReplayWindow")} must be positive: set Webhooks:ReplayWindow or the channel's ReplayWindow to a TimeSpan such as 00:05:00");
        }

        return problems;
    }
}
