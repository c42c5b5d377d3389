using Triggers.Hosting.Admin;
using Triggers.Hosting.Http;

namespace Triggers.Functions.Admin;

/// <summary>A person takes a hand-off. The Functions host checks the function key (x-functions-key).</summary>
public sealed class AdminHandoffClaim(HandoffAdmin handoffs)
{
    [Function(nameof(AdminHandoffClaim))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.AdminHandoffClaim)] HttpRequest request, string id) =>
        handoffs.ClaimAsync(request, id);
}
