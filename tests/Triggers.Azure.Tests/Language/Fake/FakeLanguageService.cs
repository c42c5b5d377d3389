using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Triggers.Azure.Tests.Language.Fake;

/// <summary>
/// A local stand-in for Azure AI Language on Kestrel (127.0.0.1, a free port). It checks requests the way the
/// service documents them (path, api-version, auth, kind, ≤ 10 documents, ≤ 5,120 text elements each) and answers
/// in the documented format: scripted replies first, then <see cref="FakeSentiment"/>.
/// </summary>
internal sealed class FakeLanguageService : IAsyncDisposable
{
    public const string Key = "fake-language-key";
    public const string Path = "/language/:analyze-text";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<RecordedRequest, FakeReply>> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private FakeLanguageService(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <param name="certificate">Serve https with this certificate (bearer tokens are only sent over TLS).</param>
    public static async Task<FakeLanguageService> StartAsync(X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        var service = new FakeLanguageService(builder.Build());
        service._app.Run(service.HandleAsync);
        await service._app.StartAsync();
        var address = service._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        service.Endpoint = new Uri(address);
        return service;
    }

    /// <summary>The next request (after earlier scripted ones) gets this reply instead of an analysis.</summary>
    public void Enqueue(FakeReply reply) => _script.Enqueue(_ => reply);

    /// <summary>The next request gets the reply built from it (e.g. echoing the document ids it sent).</summary>
    public void Enqueue(Func<RecordedRequest, FakeReply> reply) => _script.Enqueue(reply);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        JsonNode? body = null;
        try
        {
            body = buffer.Length > 0 ? JsonNode.Parse(buffer.ToArray()) : null;
        }
        catch (JsonException)
        {
            // recorded as null; answered as a bad request below
        }

        var request = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? string.Empty,
            context.Request.Query["api-version"].FirstOrDefault(),
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body,
            (int)buffer.Length);
        _requests.Enqueue(request);

        var reply = _script.TryDequeue(out var scripted) ? scripted(request) : Answer(request);
        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json; charset=utf-8";
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(reply.Body, context.RequestAborted);
    }

    private static FakeReply Answer(RecordedRequest request)
    {
        if (request.Method != "POST" || request.Path != Path)
        {
            return FakeReply.Error(404, "404", "Resource not found");
        }

        if (request.Header("Ocp-Apim-Subscription-Key") != Key && request.Header("Authorization")?.StartsWith("Bearer ", StringComparison.Ordinal) != true)
        {
            return FakeReply.Error(401, "401", "Access denied due to invalid subscription key or wrong API endpoint.");
        }

        if (request.ApiVersion is null || request.Body?["kind"]?.GetValue<string>() != "SentimentAnalysis")
        {
            return FakeReply.Error(400, "InvalidRequest", "Invalid Request.", "InvalidParameterValue");
        }

        var documents = request.Documents;
        if (documents.Count > 10)
        {
            return FakeReply.Error(400, "InvalidRequest", "Batch request contains too many records. Max 10 records are permitted.", "InvalidDocumentBatch");
        }

        var results = new JsonArray();
        var errors = new JsonArray();
        foreach (var document in documents)
        {
            var id = document!["id"]!.GetValue<string>();
            var text = document["text"]!.GetValue<string>();
            var language = document["language"]?.GetValue<string>();
            if (FakeSentiment.TextElements(text) > 5120)
            {
                errors.Add(DocumentError(id, "InvalidDocument", "A document within the request was too large to be processed. Limit document size to: 5120 text elements."));
            }
            else if (language == "xx")
            {
                errors.Add(DocumentError(id, "UnsupportedLanguageCode", "Invalid language code 'xx'."));
            }
            else
            {
                results.Add(FakeSentiment.Document(id, text));
            }
        }

        var response = new JsonObject
        {
            ["kind"] = "SentimentAnalysisResults",
            ["results"] = new JsonObject { ["documents"] = results, ["errors"] = errors, ["modelVersion"] = "2025-01-01" },
        };
        return new FakeReply(200, response.ToJsonString());
    }

    private static JsonObject DocumentError(string id, string innerCode, string message) => new()
    {
        ["id"] = id,
        ["error"] = new JsonObject
        {
            ["code"] = "InvalidArgument",
            ["message"] = message,
            ["innererror"] = new JsonObject { ["code"] = innerCode, ["message"] = message },
        },
    };
}
