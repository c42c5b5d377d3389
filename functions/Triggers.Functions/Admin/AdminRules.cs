using Triggers.Hosting.Admin;
using Triggers.Hosting.Http;

namespace Triggers.Functions.Admin;

/// <summary>Rules as the console edits them (RulesAdmin). The Functions host checks the function key; AdminGateMiddleware the tenant.</summary>
public sealed class AdminRules(RulesAdmin rules)
{
    [Function(nameof(AdminRules))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.AdminRules)] HttpRequest request) =>
        rules.ListAsync(request);
}
