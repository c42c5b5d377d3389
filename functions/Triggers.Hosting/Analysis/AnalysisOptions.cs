namespace Triggers.Hosting.Analysis;

/// <summary>Settings under <c>Analysis</c>: which analyser reads signal texts.</summary>
public sealed class AnalysisOptions
{
    public const string SectionName = "Analysis";
    public const string EmbeddedProvider = "embedded";
    public const string AzureLanguageProvider = "azure-language";

    /// <summary><c>embedded</c> (default, no network) or <c>azure-language</c> (with the embedded analyser as fallback).</summary>
    public string Provider { get; set; } = EmbeddedProvider;

    public AzureLanguageSettings AzureLanguage { get; set; } = new();

    public bool UsesAzureLanguage => string.Equals(Provider?.Trim(), AzureLanguageProvider, StringComparison.OrdinalIgnoreCase);
}
