using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Triggers.Azure.Queues;

/// <summary>Creates and sends Queue service requests with the headers every call needs.</summary>
internal sealed class QueueHttp(HttpPipeline pipeline, Uri endpoint)
{
    // Azurite 3.37 serves it; Azure has accepted it since 2021.
    public const string ServiceVersion = "2021-12-02";

    private readonly string _baseUri = endpoint.AbsoluteUri.TrimEnd('/');

    public HttpMessage Create(RequestMethod method, string relativePath)
    {
        var message = pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(new Uri($"{_baseUri}/{relativePath}"));
        message.Request.Headers.SetValue("x-ms-version", ServiceVersion);
        return message;
    }

    public async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        await pipeline.SendAsync(message, cancellationToken);
        return message.Response;
    }
}
