using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Triggers.Hosting.Analysis;

/// <summary>Start-up checks for <see cref="AnalysisOptions"/>; every message names the setting to fix.</summary>
public sealed partial class AnalysisOptionsValidator : IValidateOptions<AnalysisOptions>
{
    private const string Section = "Analysis:AzureLanguage:";

    public ValidateOptionsResult Validate(string? name, AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var provider = options.Provider?.Trim() ?? string.Empty;
        if (!string.Equals(provider, AnalysisOptions.EmbeddedProvider, StringComparison.OrdinalIgnoreCase) && !options.UsesAzureLanguage)
        {
            return ValidateOptionsResult.Fail(
                $"Analysis:Provider must be '{AnalysisOptions.EmbeddedProvider}' or '{AnalysisOptions.AzureLanguageProvider}', not '{options.Provider}'.");
        }

        if (!options.UsesAzureLanguage)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        var settings = options.AzureLanguage ?? new AzureLanguageSettings();
        CheckEndpoint(settings, failures);
        if (string.IsNullOrWhiteSpace(settings.ApiVersion) || !ApiVersionPattern().IsMatch(settings.ApiVersion))
        {
            failures.Add($"{Section}ApiVersion must look like 2025-11-01 (or 2025-11-15-preview), not '{settings.ApiVersion}'.");
        }

        if (settings.Timeout <= TimeSpan.Zero || settings.Timeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{Section}Timeout must be between 00:00:00.001 and 00:05:00, not {settings.Timeout}.");
        }

        if (settings.MaxRetries is < 0 or > 10)
        {
            failures.Add($"{Section}MaxRetries must be between 0 and 10, not {settings.MaxRetries}.");
        }

        if (settings.RetryDelay <= TimeSpan.Zero || settings.MaxRetryDelay < settings.RetryDelay)
        {
            failures.Add($"{Section}RetryDelay must be positive and {Section}MaxRetryDelay at least as long.");
        }

        if (settings.OutageCooldown < TimeSpan.Zero)
        {
            failures.Add($"{Section}OutageCooldown must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckEndpoint(AzureLanguageSettings settings, List<string> failures)
    {
        const string Example = "https://<resource>.cognitiveservices.azure.com";
        if (string.IsNullOrWhiteSpace(settings.Endpoint))
        {
            failures.Add($"{Section}Endpoint is required when Analysis:Provider is azure-language; set it to {Example}.");
            return;
        }

        if (!Uri.TryCreate(settings.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("https" or "http"))
        {
            failures.Add($"{Section}Endpoint '{settings.Endpoint}' is not an absolute URL like {Example}.");
            return;
        }

        var hasKey = !string.IsNullOrWhiteSpace(settings.Key);
        // Plain http only reaches a local stand-in with a key: keys must not cross networks in clear, and tokens never do.
        if (endpoint.Scheme != "https" && !(hasKey && endpoint.IsLoopback))
        {
            failures.Add($"{Section}Endpoint must use https ('{settings.Endpoint}'); plain http is accepted only for a loopback address with {Section}Key set.");
        }

        if (!hasKey && endpoint.Host.EndsWith(".api.cognitive.microsoft.com", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{Section}Endpoint '{settings.Endpoint}' is a regional endpoint; Entra ID (no {Section}Key) needs the resource's custom subdomain, {Example}.");
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(-preview)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ApiVersionPattern();
}
