using Triggers.Hosting.Admin;
using Triggers.Hosting.Http;

namespace Triggers.Functions.Admin;

/// <summary>Computes the tenant's control lines now. The Functions host checks the function key (x-functions-key).</summary>
public sealed class AdminControlLinesCompute(ControlLinesAdmin lines)
{
    [Function(nameof(AdminControlLinesCompute))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.AdminControlLinesCompute)] HttpRequest request) =>
        lines.ComputeAsync(request);
}
