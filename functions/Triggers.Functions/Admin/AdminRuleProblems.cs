using Triggers.Hosting.Admin;
using Triggers.Hosting.Http;

namespace Triggers.Functions.Admin;

/// <summary>Broken rules in table Rules, each with its problem. The Functions host checks the function key (x-functions-key).</summary>
public sealed class AdminRuleProblems(AdminApi admin)
{
    [Function(nameof(AdminRuleProblems))]
    public IResult Run([HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.AdminRuleProblems)] HttpRequest request) =>
        admin.GetRuleProblems(request);
}
