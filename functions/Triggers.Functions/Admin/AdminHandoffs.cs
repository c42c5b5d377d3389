using Triggers.Hosting.Admin;
using Triggers.Hosting.Http;

namespace Triggers.Functions.Admin;

/// <summary>The hand-off queue, most urgent first. The Functions host checks the function key (x-functions-key).</summary>
public sealed class AdminHandoffs(HandoffAdmin handoffs)
{
    [Function(nameof(AdminHandoffs))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.AdminHandoffs)] HttpRequest request) =>
        handoffs.ListAsync(request);
}
