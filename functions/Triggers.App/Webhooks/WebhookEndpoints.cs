namespace Triggers.App.Webhooks;

public static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/api/webhooks/{channel}", [HttpMethods.Get, HttpMethods.Post],
                (string channel, HttpContext context, WebhookHandler handler) => handler.HandleAsync(channel, context))
            .WithName("Webhooks")
            .WithSummary("Platform webhook: URL verification (GET) and events (POST) for a configured channel.");
        return app;
    }
}
