using Triggers.Hosting.Admin;
using Triggers.Hosting.Http;

namespace Triggers.Functions.Admin;

/// <summary>Rules as the console edits them (RulesAdmin). The Functions host checks the function key; AdminGateMiddleware the tenant.</summary>
public sealed class AdminRuleEnable(RulesAdmin rules)
{
    [Function(nameof(AdminRuleEnable))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.AdminRuleEnable)] HttpRequest request, string id) =>
        rules.SetEnabledAsync(request, id, true);
}
