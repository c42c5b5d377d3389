using Triggers.Hosting.Admin;
using Triggers.Hosting.Http;

namespace Triggers.Functions.Admin;

/// <summary>Re-reads table Rules now. The Functions host checks the function key (x-functions-key).</summary>
public sealed class AdminRulesReload(AdminApi admin)
{
    [Function(nameof(AdminRulesReload))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.AdminRulesReload)] HttpRequest request) =>
        admin.ReloadRulesAsync(request);
}
