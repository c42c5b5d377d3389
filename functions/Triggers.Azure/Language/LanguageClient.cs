using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Triggers.Azure.Language;

/// <summary>
/// Azure AI Language sentiment analysis with opinion mining over REST (<c>POST {endpoint}/language/:analyze-text</c>).
/// Long texts are split and merged, documents are batched within the service's limits, and 429/5xx are retried by
/// the pipeline's RetryPolicy (which honours Retry-After).
/// </summary>
public sealed class LanguageClient
{
    public const string SourceName = "azure-language";
    public const string EntraScope = "https://cognitiveservices.azure.com/.default";

    private readonly HttpPipeline _pipeline;
    private readonly LanguageClientOptions _options;

    /// <summary>Key auth: the resource's key in <c>Ocp-Apim-Subscription-Key</c>.</summary>
    public LanguageClient(Uri endpoint, AzureKeyCredential key, LanguageClientOptions? options = null)
        : this(endpoint, new ApiKeyPolicy(key ?? throw new ArgumentNullException(nameof(key))), options)
    {
    }

    /// <summary>Entra ID auth (bearer token); needs https and a custom-subdomain endpoint.</summary>
    public LanguageClient(Uri endpoint, TokenCredential credential, LanguageClientOptions? options = null)
        : this(endpoint, new BearerTokenAuthenticationPolicy(credential ?? throw new ArgumentNullException(nameof(credential)), EntraScope), options)
    {
    }

    private LanguageClient(Uri endpoint, HttpPipelinePolicy auth, LanguageClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"'{endpoint}' is not an http(s) endpoint such as https://<resource>.cognitiveservices.azure.com.", nameof(endpoint));
        }

        _options = options ?? new LanguageClientOptions();
        if (_options.MaxRequestBytes is < 1024 or > LanguageClientOptions.ServiceMaxRequestBytes)
        {
            throw new ArgumentException($"MaxRequestBytes must be between 1024 and {LanguageClientOptions.ServiceMaxRequestBytes}.", nameof(options));
        }

        Endpoint = endpoint;
        _pipeline = HttpPipelineBuilder.Build(_options, [], [auth], responseClassifier: null);
    }

    public Uri Endpoint { get; }

    /// <summary>One result per document, in order. A document the service refuses gets its error; the rest still succeed.</summary>
    /// <exception cref="LanguageRequestFailedException">A request was refused as a whole, or 429/5xx outlasted the retries.</exception>
    public async Task<IReadOnlyList<DocumentSentiment>> AnalyzeSentimentAsync(
        IReadOnlyList<LanguageDocument> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var wire = LanguageBatches.Prepare(documents, _options);
        var outcomes = new Dictionary<string, PieceOutcome>(StringComparer.Ordinal);
        foreach (var batch in LanguageBatches.Group(wire, _options))
        {
            var results = await SendAsync(batch, cancellationToken);
            foreach (var document in batch)
            {
                outcomes[document.Id] = results.TryGetValue(document.Id, out var outcome)
                    ? outcome
                    : new PieceOutcome(null, new LanguageDocumentError("MissingResult", null, "The service returned neither a result nor an error for the document."));
            }
        }

        var byDocument = wire.ToLookup(w => w.DocumentIndex);
        var merged = new DocumentSentiment[documents.Count];
        for (var i = 0; i < documents.Count; i++)
        {
            merged[i] = SentimentMerger.Merge(documents[i], byDocument[i].Select(w => (w, outcomes[w.Id])).ToList());
        }

        return merged;
    }

    private async Task<Dictionary<string, PieceOutcome>> SendAsync(List<WireDocument> batch, CancellationToken cancellationToken)
    {
        using var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(Endpoint);
        request.Uri.AppendPath("/language/:analyze-text", escape: false);
        request.Uri.AppendQuery("api-version", _options.ApiVersion);
        request.Headers.SetValue("Content-Type", "application/json");
        request.Headers.SetValue("Accept", "application/json");
        request.Content = RequestContent.Create(LanguageRequestJson.Request(batch, _options));
        await _pipeline.SendAsync(message, cancellationToken);
        var response = message.Response;
        if (response.Status != 200)
        {
            throw LanguageResponseJson.ToException(response);
        }

        return LanguageResponseJson.ReadResults(response.Content.ToMemory());
    }
}
