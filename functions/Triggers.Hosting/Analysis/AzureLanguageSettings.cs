using Triggers.Azure.Language;

namespace Triggers.Hosting.Analysis;

/// <summary>Settings under <c>Analysis:AzureLanguage</c>.</summary>
public sealed class AzureLanguageSettings
{
    /// <summary>The resource endpoint, e.g. https://my-language.cognitiveservices.azure.com (a custom subdomain for Entra ID).</summary>
    public string? Endpoint { get; set; }

    /// <summary>The resource key. Unset means Entra ID through DefaultAzureCredential (managed identity in Azure).</summary>
    public string? Key { get; set; }

    public string ApiVersion { get; set; } = LanguageClientOptions.DefaultApiVersion;

    /// <summary>How long one analysis may take, retries included, before the embedded analyser answers instead.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of a 429, a 5xx or a transport failure (Retry-After is honoured).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First back-off delay; it doubles per retry up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>After an outage, how long to answer with the embedded analyser before asking Azure again.</summary>
    public TimeSpan OutageCooldown { get; set; } = TimeSpan.FromSeconds(30);
}
