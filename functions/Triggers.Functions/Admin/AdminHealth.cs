using Triggers.Hosting.Health;
using Triggers.Hosting.Http;

namespace Triggers.Functions.Admin;

/// <summary>Health with its detail (storage error, channels, broken rules and topics). The Functions host checks the function key (x-functions-key).</summary>
public sealed class AdminHealth(HealthCheck health)
{
    [Function(nameof(AdminHealth))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.AdminHealth)] HttpRequest request) =>
        health.DetailsAsync(request);
}
