using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Triggers.App.Tests.Infrastructure;

namespace Triggers.App.Tests.Analysis;

/// <summary>
/// A minimal local Azure AI Language on Kestrel: it checks the key and path, and answers every document
/// "positive" (0.90/0.08/0.02) in the documented SentimentAnalysisResults shape, or never answers when hanging.
/// The full stand-in with errors and limits is in Triggers.Azure.Tests/Language.
/// </summary>
internal sealed class LanguageStandIn : IAsyncDisposable
{
    public const string Key = "stand-in-key";

    private readonly ConcurrentQueue<string> _texts = new();
    private LoopbackHost _host = null!;

    public Uri Endpoint { get; private set; } = null!;

    public bool Hang { get; set; }

    public IReadOnlyList<string> Texts => [.. _texts];

    public static async Task<LanguageStandIn> StartAsync()
    {
        var standIn = new LanguageStandIn();
        standIn._host = await LoopbackHost.StartAsync(app => app.Run(standIn.HandleAsync));
        standIn.Endpoint = new Uri(standIn._host.BaseUrl + "/");
        return standIn;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        if (Hang)
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }

        if (context.Request.Path != "/language/:analyze-text" || context.Request.Headers["Ocp-Apim-Subscription-Key"] != Key)
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsync("""{"error":{"code":"401","message":"Access denied."}}""", context.RequestAborted);
            return;
        }

        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var documents = new JsonArray();
        foreach (var document in body!["analysisInput"]!["documents"]!.AsArray())
        {
            var text = document!["text"]!.GetValue<string>();
            _texts.Enqueue(text);
            documents.Add(new JsonObject
            {
                ["id"] = document["id"]!.GetValue<string>(),
                ["sentiment"] = "positive",
                ["confidenceScores"] = new JsonObject { ["positive"] = 0.90, ["neutral"] = 0.08, ["negative"] = 0.02 },
                ["sentences"] = new JsonArray(new JsonObject
                {
                    ["sentiment"] = "positive",
                    ["confidenceScores"] = new JsonObject { ["positive"] = 0.90, ["neutral"] = 0.08, ["negative"] = 0.02 },
                    ["offset"] = 0,
                    ["length"] = text.Length,
                    ["text"] = text,
                }),
                ["warnings"] = new JsonArray(),
            });
        }

        context.Response.ContentType = "application/json";
        var results = new JsonObject { ["documents"] = documents, ["errors"] = new JsonArray(), ["modelVersion"] = "2025-01-01" };
        await context.Response.WriteAsync(new JsonObject { ["kind"] = "SentimentAnalysisResults", ["results"] = results }.ToJsonString(), context.RequestAborted);
    }
}
