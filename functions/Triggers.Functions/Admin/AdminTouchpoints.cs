using Triggers.Hosting.Admin;
using Triggers.Hosting.Http;

namespace Triggers.Functions.Admin;

/// <summary>Touchpoints of a tenant with status, due time and why. The Functions host checks the function key (x-functions-key).</summary>
public sealed class AdminTouchpoints(AdminApi admin)
{
    [Function(nameof(AdminTouchpoints))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.AdminTouchpoints)] HttpRequest request) =>
        admin.ListTouchpointsAsync(request);
}
