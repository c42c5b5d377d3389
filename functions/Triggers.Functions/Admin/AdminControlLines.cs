using Triggers.Hosting.Admin;
using Triggers.Hosting.Http;

namespace Triggers.Functions.Admin;

/// <summary>The tenant's last computed control lines. The Functions host checks the function key (x-functions-key).</summary>
public sealed class AdminControlLines(ControlLinesAdmin lines)
{
    [Function(nameof(AdminControlLines))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.AdminControlLines)] HttpRequest request) =>
        lines.GetAsync(request);
}
