using Triggers.Hosting.Admin;
using Triggers.Hosting.Http;

namespace Triggers.Functions.Admin;

/// <summary>Superseded versions of one rule, newest first. The Functions host checks the function key (x-functions-key).</summary>
public sealed class AdminRuleHistory(AdminApi admin)
{
    [Function(nameof(AdminRuleHistory))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.AdminRuleHistory)] HttpRequest request) =>
        admin.ListRuleHistoryAsync(request);
}
