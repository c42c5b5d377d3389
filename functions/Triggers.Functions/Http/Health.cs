using Triggers.Hosting.Health;
using Triggers.Hosting.Http;

namespace Triggers.Functions.Http;

public sealed class Health(HealthCheck health)
{
    [Function(nameof(Health))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Health)] HttpRequest request) =>
        health.CheckAsync(request);
}
