using System.Text.Json;
using System.Text.Json.Nodes;
using Triggers.Core.Rules;

namespace Triggers.Core.Guardrails;

/// <summary>
/// The platform policies as data: the embedded platform-policies.json, read once. A platform not listed there gets a
/// policy with no window and no bans (the app only knows the platforms it has adapters for).
/// </summary>
public static class PlatformPolicies
{
    public const string ResourceName = "Triggers.Core.Guardrails.platform-policies.json";

    private static readonly Lazy<IReadOnlyDictionary<string, PlatformPolicy>> Embedded = new(LoadEmbedded);

    /// <summary>The embedded policies by platform name.</summary>
    public static IReadOnlyDictionary<string, PlatformPolicy> All => Embedded.Value;

    public static PlatformPolicy For(string? platform) =>
        platform is not null && All.TryGetValue(platform, out var policy) ? policy : new PlatformPolicy { Platform = platform ?? string.Empty };

    /// <summary>Reads policy data in the embedded file's shape.</summary>
    /// <exception cref="FormatException">Every problem found, one per line, each naming the platform and field.</exception>
    public static IReadOnlyDictionary<string, PlatformPolicy> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (!JsonText.TryParse(json, out var root, out var error))
        {
            throw new FormatException($"platform policies are not valid JSON {error}");
        }

        if (root is not JsonObject rootObject || rootObject["platforms"] is not JsonObject platforms)
        {
            throw new FormatException("platform policies need an object \"platforms\" keyed by platform name");
        }

        var problems = new List<string>();
        var policies = new Dictionary<string, PlatformPolicy>(StringComparer.Ordinal);
        foreach (var (name, node) in platforms)
        {
            if (node is not JsonObject entry)
            {
                problems.Add($"platforms.{name} must be an object");
                continue;
            }

            policies[name] = ReadPolicy(name, entry, problems);
        }

        if (problems.Count > 0)
        {
            throw new FormatException(string.Join(Environment.NewLine, problems));
        }

        return policies;
    }

    private static PlatformPolicy ReadPolicy(string name, JsonObject entry, List<string> problems)
    {
        var where = $"platforms.{name}";
        TimeSpan? window = null;
        if (entry["contactWindow"] is { } windowNode)
        {
            if (windowNode.GetValueKind() == JsonValueKind.String && IsoDuration.TryParse(windowNode.GetValue<string>(), out var parsed) && parsed > TimeSpan.Zero)
            {
                window = parsed;
            }
            else
            {
                problems.Add($"{where}.contactWindow must be a positive ISO-8601 duration such as \"PT48H\", or null");
            }
        }

        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in Strings(entry["windowTypes"], $"{where}.windowTypes", problems))
        {
            if (ActionTypes.IsKnown(type))
            {
                types.Add(type);
            }
            else
            {
                problems.Add($"{where}.windowTypes: \"{type}\" is not an action type ({string.Join(", ", ActionTypes.All)})");
            }
        }

        var windowBasis = Text(entry, "windowBasis");
        if (windowBasis is not null && !PolicyBasis.All.Contains(windowBasis, StringComparer.Ordinal))
        {
            problems.Add($"{where}.windowBasis \"{windowBasis}\" is not one of {string.Join(", ", PolicyBasis.All)}");
        }

        return new PlatformPolicy
        {
            Platform = name,
            ContactWindow = window,
            WindowTypes = types,
            WindowBasis = windowBasis,
            WindowNote = Text(entry, "windowNote"),
            Bans = ReadBans(entry["banned"], where, problems),
        };
    }

    private static List<PlatformBan> ReadBans(JsonNode? node, string where, List<string> problems)
    {
        var bans = new List<PlatformBan>();
        if (node is null)
        {
            return bans;
        }

        if (node is not JsonArray array)
        {
            problems.Add($"{where}.banned must be an array of {{\"use\", \"basis\", \"note\"}} objects");
            return bans;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var at = $"{where}.banned[{i}]";
            if (array[i] is not JsonObject ban)
            {
                problems.Add($"{at} must be an object with \"use\", \"basis\" and \"note\"");
                continue;
            }

            var use = Text(ban, "use");
            var basis = Text(ban, "basis");
            if (use is null || !ActionUses.IsKnown(use))
            {
                problems.Add($"{at}.use \"{use}\" is not a known use ({string.Join(", ", ActionUses.All)})");
            }
            else if (basis is null || !PolicyBasis.All.Contains(basis, StringComparer.Ordinal))
            {
                problems.Add($"{at}.basis \"{basis}\" must say where the ban comes from: {string.Join(" or ", PolicyBasis.All)}");
            }
            else
            {
                bans.Add(new PlatformBan(use, basis, Text(ban, "note") ?? string.Empty));
            }
        }

        return bans;
    }

    private static IEnumerable<string> Strings(JsonNode? node, string where, List<string> problems)
    {
        if (node is null)
        {
            return [];
        }

        if (node is JsonArray array && array.All(n => n?.GetValueKind() == JsonValueKind.String))
        {
            return array.Select(n => n!.GetValue<string>()).ToList();
        }

        problems.Add($"{where} must be an array of strings");
        return [];
    }

    private static string? Text(JsonObject obj, string name) =>
        obj[name] is { } node && node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;

    private static IReadOnlyDictionary<string, PlatformPolicy> LoadEmbedded()
    {
        using var stream = typeof(PlatformPolicies).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded resource {ResourceName} is missing from Triggers.Core");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
