using Triggers.Core.Guardrails;

namespace Triggers.Hosting.Touchpoints;

/// <summary>
/// Guardrail settings per tenant: <c>Guardrails:*</c> for everyone, overridden by <c>Tenants:{tenant}:Guardrails:*</c>.
/// Read and validated once at start-up (the app refuses to start on a bad time zone or cap, naming the setting).
/// </summary>
public sealed class GuardrailPolicies
{
    public const string SectionName = "Guardrails";

    private readonly GuardrailOptions _defaults;
    private readonly Dictionary<string, GuardrailOptions> _tenants;

    private GuardrailPolicies(GuardrailOptions defaults, Dictionary<string, GuardrailOptions> tenants)
    {
        _defaults = defaults;
        _tenants = tenants;
    }

    public GuardrailOptions For(string tenant) => _tenants.GetValueOrDefault(tenant) ?? _defaults;

    public static GuardrailPolicies Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        var defaults = Read(configuration.GetSection(SectionName), null, SectionName, problems);
        var tenants = new Dictionary<string, GuardrailOptions>(StringComparer.Ordinal);
        foreach (var tenant in configuration.GetSection("Tenants").GetChildren())
        {
            var section = tenant.GetSection(SectionName);
            if (section.Exists())
            {
                tenants[tenant.Key] = Read(section, configuration.GetSection(SectionName), $"Tenants:{tenant.Key}:{SectionName}", problems);
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Guardrail configuration is invalid:" + string.Concat(problems.Select(p => "\n - " + p)));
        }

        return new GuardrailPolicies(defaults, tenants);
    }

    private static GuardrailOptions Read(IConfigurationSection section, IConfigurationSection? defaults, string path, List<string> problems)
    {
        var options = new GuardrailOptions();
        try
        {
            defaults?.Bind(options);
            section.Bind(options);

            // Binding appends to list defaults; a configured keyword list replaces them instead.
            options.OptOutKeywords = Keywords(section, defaults, nameof(GuardrailOptions.OptOutKeywords)) ?? options.OptOutKeywords;
            options.OptInKeywords = Keywords(section, defaults, nameof(GuardrailOptions.OptInKeywords)) ?? options.OptInKeywords;
        }
        catch (InvalidOperationException ex)
        {
            problems.Add($"{path}: {ex.Message}");
            return options;
        }

        problems.AddRange(options.Validate().Select(p => $"{path}: {p}"));
        return options;
    }

    private static List<string>? Keywords(IConfigurationSection section, IConfigurationSection? defaults, string name) =>
        (section.GetSection(name).Get<string[]>() ?? defaults?.GetSection(name).Get<string[]>())?.ToList();
}
