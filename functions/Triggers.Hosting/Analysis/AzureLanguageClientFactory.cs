using Azure;
using Azure.Core;
using Azure.Identity;
using Triggers.Azure.Language;

namespace Triggers.Hosting.Analysis;

/// <summary>Builds the Language client from validated settings: key auth, or Entra ID with the given or default credential.</summary>
public static class AzureLanguageClientFactory
{
    public static LanguageClient Create(AzureLanguageSettings settings, TokenCredential? credential)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = new LanguageClientOptions { ApiVersion = settings.ApiVersion };
        options.Retry.MaxRetries = settings.MaxRetries;
        options.Retry.Delay = settings.RetryDelay;
        options.Retry.MaxDelay = settings.MaxRetryDelay;
        options.Retry.NetworkTimeout = settings.Timeout;
        var endpoint = new Uri(settings.Endpoint ?? throw new InvalidOperationException("Analysis:AzureLanguage:Endpoint is not set."));
        return string.IsNullOrWhiteSpace(settings.Key)
            ? new LanguageClient(endpoint, credential ?? new DefaultAzureCredential(), options)
            : new LanguageClient(endpoint, new AzureKeyCredential(settings.Key), options);
    }
}
