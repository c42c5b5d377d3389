using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Triggers.Azure.Tables;

/// <summary>Creates and sends Table service requests with the headers every call needs.</summary>
internal sealed class TableHttp(HttpPipeline pipeline, Uri endpoint)
{
    public const string ServiceVersion = "2020-12-06";

    /// <summary>The service root without a trailing slash, e.g. http://127.0.0.1:10002/devstoreaccount1.</summary>
    public string BaseUri { get; } = endpoint.AbsoluteUri.TrimEnd('/');

    public HttpMessage Create(RequestMethod method, string relativePath)
    {
        var message = pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(new Uri($"{BaseUri}/{relativePath}"));
        request.Headers.SetValue("x-ms-version", ServiceVersion);
        request.Headers.SetValue("DataServiceVersion", "3.0;NetFx");
        request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        request.Headers.SetValue("Accept", "application/json;odata=minimalmetadata");
        return message;
    }

    public static void SetJson(HttpMessage message, byte[] json)
    {
        message.Request.Headers.SetValue("Content-Type", "application/json");
        message.Request.Content = RequestContent.Create(json);
    }

    public async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        await pipeline.SendAsync(message, cancellationToken);
        return message.Response;
    }

    public static ETag ETagOf(Response response) =>
        response.Headers.ETag ?? (response.Headers.TryGetValue("ETag", out var value) ? new ETag(value) : default);
}
