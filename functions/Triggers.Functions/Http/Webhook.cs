using Triggers.Hosting.Http;
using Triggers.Hosting.Webhooks;

namespace Triggers.Functions.Http;

/// <summary>Anonymous: the platform's signature over the raw body is the authentication, checked by the handler.</summary>
public sealed class Webhook(WebhookHandler handler)
{
    [Function(nameof(Webhook))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = Routes.Webhook)] HttpRequest request, string channel) =>
        handler.HandleAsync(request, channel);
}
