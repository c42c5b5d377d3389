using System.Text.Json;
using Triggers.App.Ingestion;
using Triggers.App.Processing;
using Triggers.App.Touchpoints;
using Triggers.Core.Hosting;
using Triggers.Core.Processing;

namespace Triggers.App.CustomHandler;

/// <summary>
/// Custom-handler mode: <c>GET /</c> for the host's readiness probe, and <c>POST /{function}</c> for each
/// non-HTTP function in the catalog. HTTP functions are forwarded to the app's normal routes unchanged.
/// </summary>
public static partial class InvocationEndpoints
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = null };

    public static IEndpointRouteBuilder MapInvocations(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Text("Triggers custom handler is ready."));
        foreach (var function in FunctionCatalog.All.Where(f => f.Trigger != FunctionTrigger.Http))
        {
            app.MapPost("/" + function.Name, (HttpContext context, IServiceProvider services) => InvokeAsync(function, context, services))
                .WithSummary($"Functions host invocation of {function.Name} ({function.Trigger}).");
        }

        return app;
    }

    private static async Task<IResult> InvokeAsync(FunctionDefinition function, HttpContext context, IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Triggers.App.CustomHandler");
        InvocationRequest request;
        using (var reader = new StreamReader(context.Request.Body))
        {
            try
            {
                request = InvocationRequest.Parse(await reader.ReadToEndAsync(context.RequestAborted));
            }
            catch (FormatException ex)
            {
                return Results.BadRequest(ex.Message);
            }
        }

        try
        {
            var response = function.Name switch
            {
                nameof(FunctionCatalog.ProcessSignal) => await ProcessSignalAsync(function, request, services, context.RequestAborted),
                nameof(FunctionCatalog.IngestSignal) => await IngestAsync(function, request, services, context.RequestAborted),
                nameof(FunctionCatalog.PurgeDedupe) => await PurgeDedupeAsync(services, context.RequestAborted),
                nameof(FunctionCatalog.DispatchTouchpoints) => await DispatchAsync(services, context.RequestAborted),
                _ => throw new InvalidOperationException($"No invocation handler for function {function.Name}."),
            };
            return Results.Json(response, Json);
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            // A non-2xx fails the invocation, so the host's retry and poison handling apply.
            Log.InvocationFailed(logger, function.Name, ex);
            return Results.Json(InvocationResponse.Done($"{function.Name} failed: {ex.Message}"), Json, statusCode: StatusCodes.Status500InternalServerError);
        }
    }

    private static async Task<InvocationResponse> ProcessSignalAsync(FunctionDefinition function, InvocationRequest request, IServiceProvider services, CancellationToken ct)
    {
        var message = request.DataText(function.BindingName)
            ?? throw new FormatException($"The invocation has no Data.{function.BindingName} (the queue message).");
        var dequeueCount = request.MetadataInt64("DequeueCount") ?? 1;
        var outcome = await services.GetRequiredService<SignalProcessor>().ProcessAsync(message, dequeueCount, ct);
        return InvocationResponse.Done($"signal message {outcome.ToString().ToLowerInvariant()} (attempt {dequeueCount})");
    }

    private static async Task<InvocationResponse> IngestAsync(FunctionDefinition function, InvocationRequest request, IServiceProvider services, CancellationToken ct)
    {
        var message = request.DataText(function.BindingName)
            ?? throw new FormatException($"The invocation has no Data.{function.BindingName} (the Service Bus message).");
        // Service Bus counts deliveries where Storage queues count dequeues; both start at 1.
        var attempt = request.MetadataInt64("DeliveryCount") ?? 1;
        var outcome = await services.GetRequiredService<IngestProcessor>().ProcessAsync(message, attempt, ct);
        return InvocationResponse.Done($"ingest message {outcome.ToString().ToLowerInvariant()} (delivery {attempt})");
    }

    private static async Task<InvocationResponse> PurgeDedupeAsync(IServiceProvider services, CancellationToken ct)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var purged = await services.GetRequiredService<StoragePurge>().PurgeAsync(now, ct);
        return InvocationResponse.Done($"purged {purged} expired dedupe marker(s), emotion points, room minutes and send-ledger touches");
    }

    private static async Task<InvocationResponse> DispatchAsync(IServiceProvider services, CancellationToken ct)
    {
        var summary = await services.GetRequiredService<TouchpointDispatcher>().DispatchOnceAsync(ct);
        return InvocationResponse.Done($"dispatch: {summary}");
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5001, Level = LogLevel.Error, Message = "Invocation of {Function} failed; the host will retry")]
        public static partial void InvocationFailed(ILogger logger, string function, Exception exception);
    }
}
