using Azure.Core.Pipeline;

namespace Triggers.Azure.Storage;

internal static class StoragePipeline
{
    private const string Scope = "https://storage.azure.com/.default";

    /// <summary>Azure.Core's pipeline (retries, timeouts, logging) with Shared Key or bearer-token auth.</summary>
    public static HttpPipeline Build(StorageConnection connection, StorageService service, StorageClientOptions options)
    {
        HttpPipelinePolicy auth = connection.SharedKey is { } key
            ? new SharedKeyPolicy(key, service)
            : new BearerTokenAuthenticationPolicy(
                connection.Credential ?? throw new InvalidOperationException($"{connection} has neither a key nor a credential."),
                Scope);

        return HttpPipelineBuilder.Build(options, [], [new StorageDatePolicy(options.TimeProvider), auth], responseClassifier: null);
    }
}
