using Triggers.Hosting.Admin;
using Triggers.Hosting.Http;

namespace Triggers.Functions.Admin;

/// <summary>Rules as the console edits them (RulesAdmin). The Functions host checks the function key; AdminGateMiddleware the tenant.</summary>
public sealed class AdminRuleSave(RulesAdmin rules)
{
    [Function(nameof(AdminRuleSave))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Function, "put", Route = Routes.AdminRule)] HttpRequest request, string id) =>
        rules.SaveAsync(request, id);
}
