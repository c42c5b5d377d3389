using Triggers.Hosting.Admin;
using Triggers.Hosting.Http;

namespace Triggers.Functions.Admin;

/// <summary>The calling key's name and the tenants it may see. The Functions host checks the function key (x-functions-key).</summary>
public sealed class AdminAccess(AdminApi admin)
{
    [Function(nameof(AdminAccess))]
    public IResult Run([HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.AdminAccess)] HttpRequest request) =>
        admin.GetAccess(request);
}
