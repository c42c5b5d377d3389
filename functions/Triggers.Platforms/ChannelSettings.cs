namespace Triggers.Platforms;

/// <summary>A configured channel (<c>Channels:{Name}</c>): which platform it speaks and the secrets to verify it.</summary>
/// <param name="Secrets">Keys are matched case-insensitively; see <see cref="ChannelSecrets"/> for the names.</param>
/// <param name="ReplayWindow">How far a signed timestamp may be from the receive time, either way.</param>
public sealed record ChannelSettings(
    string Name,
    string Platform,
    string Tenant,
    IReadOnlyDictionary<string, string> Secrets,
    TimeSpan ReplayWindow)
{
    /// <summary>The secret's value, or null when it is absent or blank.</summary>
    public string? Secret(string name)
    {
        if (Secrets.TryGetValue(name, out var value))
        {
            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }

        // The contract promises a case-insensitive dictionary, but a caller that builds a plain one
        // should still find "token" when asking for "Token".
        foreach (var (key, candidate) in Secrets)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return string.IsNullOrWhiteSpace(candidate) ? null : candidate.Trim();
            }
        }

        return null;
    }

    /// <summary>
    /// The tenant's salt for phone numbers on orders (<c>Tenants:{tenant}:PhoneSalt</c>), or null when it has none and
    /// phone numbers are refused (docs/relationships.md).
    /// </summary>
    public string? PhoneSalt { get; init; }

    /// <summary>The configuration path of a setting, for messages that tell an operator what to fix.</summary>
    public string SettingPath(string setting) => $"Channels:{Name}:{setting}";
}
