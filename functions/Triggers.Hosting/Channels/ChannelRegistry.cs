using System.Text.RegularExpressions;
using Triggers.Platforms;

namespace Triggers.Hosting.Channels;

/// <summary>
/// The channels configured under <c>Channels:{name}</c>, parsed and validated once. Any problem stops
/// start-up with a message naming the channel and the setting, rather than running half-configured.
/// </summary>
public sealed partial class ChannelRegistry
{
    public const string SectionName = "Channels";
    public const string DefaultTenant = "default";

    /// <summary>Every platform name in the contract; only those with an adapter can be used yet.</summary>
    public static IReadOnlyList<string> ContractPlatforms { get; } =
        ["wechat", "wecom", "wechat-shop", "douyin", "doudian", "kuaishou", "xiaohongshu", "bilibili", "generic"];

    private static readonly HashSet<string> NonSecretKeys = new(StringComparer.OrdinalIgnoreCase) { "Platform", "Tenant", "ReplayWindow" };

    private readonly Dictionary<string, ChannelSettings> _channels;

    private ChannelRegistry(Dictionary<string, ChannelSettings> channels) => _channels = channels;

    public IReadOnlyCollection<ChannelSettings> All => _channels.Values;

    /// <summary>The tenants the configured channels serve, each once, in ordinal order.</summary>
    public IReadOnlyList<string> Tenants => [.. _channels.Values.Select(c => c.Tenant).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public ChannelSettings? Find(string name) => _channels.GetValueOrDefault(name);

    /// <summary>The names of the tenant's channels on the platform, in name order.</summary>
    public IReadOnlyList<string> ChannelsOf(string tenant, string platform) =>
        [.. _channels.Values.Where(c => c.Tenant == tenant && c.Platform == platform).Select(c => c.Name).Order(StringComparer.Ordinal)];

    public bool IsKnown(string name) => _channels.ContainsKey(name);

    /// <summary>Reads and validates the channels; throws <see cref="InvalidOperationException"/> listing every problem.</summary>
    public static ChannelRegistry Load(IConfiguration configuration, PlatformRegistry platforms, TimeSpan defaultReplayWindow)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(platforms);
        var channels = new Dictionary<string, ChannelSettings>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var section in configuration.GetSection(SectionName).GetChildren())
        {
            var settings = Read(section, platforms, defaultReplayWindow, problems);
            if (settings is not null && PhoneSalt(configuration, settings.Tenant, problems) is { } salt)
            {
                settings = settings with { PhoneSalt = salt };
            }

            if (settings is not null)
            {
                channels[section.Key] = settings;
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                "Channel configuration is invalid:" + string.Concat(problems.Select(p => "\n - " + p)));
        }

        return new ChannelRegistry(channels);
    }

    private static ChannelSettings? Read(IConfigurationSection section, PlatformRegistry platforms, TimeSpan defaultReplayWindow, List<string> problems)
    {
        var name = section.Key;
        var where = $"{SectionName}:{name}";
        if (!ChannelName().IsMatch(name))
        {
            problems.Add($"{where}: the channel name must be 1-64 letters, digits, '-' or '_' (it becomes the URL /api/webhooks/{{name}}).");
            return null;
        }

        var platform = section["Platform"];
        if (string.IsNullOrWhiteSpace(platform))
        {
            problems.Add($"{where}:Platform is missing: set one of {string.Join(", ", ContractPlatforms)}.");
            return null;
        }

        var adapter = platforms.Find(platform);
        if (adapter is null)
        {
            problems.Add(ContractPlatforms.Contains(platform, StringComparer.Ordinal)
                ? $"{where}:Platform '{platform}' is not supported by this build yet (supported: {string.Join(", ", platforms.Platforms)})."
                : $"{where}:Platform '{platform}' is unknown: set one of {string.Join(", ", ContractPlatforms)}.");
            return null;
        }

        var replayWindow = defaultReplayWindow;
        if (section["ReplayWindow"] is { Length: > 0 } window)
        {
            if (!TimeSpan.TryParse(window, System.Globalization.CultureInfo.InvariantCulture, out replayWindow) || replayWindow <= TimeSpan.Zero)
            {
                problems.Add($"{where}:ReplayWindow '{window}' is not a positive TimeSpan such as 00:05:00.");
                return null;
            }
        }

        var secrets = section.GetChildren()
            .Where(c => c.Value is not null && !NonSecretKeys.Contains(c.Key))
            .ToDictionary(c => c.Key, c => c.Value!, StringComparer.OrdinalIgnoreCase);
        var tenant = section["Tenant"] is { Length: > 0 } t ? t : DefaultTenant;
        var settings = new ChannelSettings(name, platform, tenant, secrets, replayWindow);
        problems.AddRange(adapter.ValidateSettings(settings));
        return settings;
    }

    /// <summary><c>Tenants:{tenant}:PhoneSalt</c>: a secret of at least 16 characters, or none (phone numbers refused).</summary>
    private static string? PhoneSalt(IConfiguration configuration, string tenant, List<string> problems)
    {
        var salt = configuration[$"Tenants:{tenant}:PhoneSalt"];
        if (string.IsNullOrEmpty(salt))
        {
            return null;
        }

        if (salt.Length < 16)
        {
            var problem = $"Tenants:{tenant}:PhoneSalt is {salt.Length} characters: use a random secret of at least 16 (phone numbers are hashed with it), or remove it.";
            if (!problems.Contains(problem))
            {
                problems.Add(problem);
            }

            return null;
        }

        return salt;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ChannelName();
}
