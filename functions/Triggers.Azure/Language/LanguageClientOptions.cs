using Azure.Core;

namespace Triggers.Azure.Language;

/// <summary>Retry, timeout, diagnostics and transport settings (from Azure.Core) plus what the Language requests ask for.</summary>
public sealed class LanguageClientOptions : ClientOptions
{
    public const string DefaultApiVersion = "2025-11-01";

    /// <summary>The service's synchronous request limit (1 MB); a smaller budget is allowed, a larger one is not.</summary>
    public const int ServiceMaxRequestBytes = 1_000_000;

    public LanguageClientOptions()
    {
        // 429/5xx and transport failures are retried by Azure.Core's RetryPolicy, which waits at least Retry-After.
        Retry.MaxRetries = 3;
        Retry.Delay = TimeSpan.FromMilliseconds(500);
        Retry.MaxDelay = TimeSpan.FromSeconds(10);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
    }

    public string ApiVersion { get; set; } = DefaultApiVersion;

    public string ModelVersion { get; set; } = "latest";

    public bool OpinionMining { get; set; } = true;

    /// <summary>Sent for texts without a language and without Han characters (those get zh-hans); the service itself assumes en.</summary>
    public string DefaultLanguage { get; set; } = "en";

    /// <summary>Upper bound on one request body in bytes; documents are spread over more requests to stay under it.</summary>
    public int MaxRequestBytes { get; set; } = ServiceMaxRequestBytes;
}
