using Triggers.Hosting.Admin;
using Triggers.Hosting.Http;

namespace Triggers.Functions.Admin;

/// <summary>Closes a hand-off with its outcome. The Functions host checks the function key (x-functions-key).</summary>
public sealed class AdminHandoffClose(HandoffAdmin handoffs)
{
    [Function(nameof(AdminHandoffClose))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.AdminHandoffClose)] HttpRequest request, string id) =>
        handoffs.CloseAsync(request, id);
}
