using Triggers.Hosting.Admin;
using Triggers.Hosting.Http;

namespace Triggers.Functions.Admin;

/// <summary>A draft rule's problems as the console's editor checks it (RulesAdmin). The Functions host checks the function key; AdminGateMiddleware the tenant.</summary>
public sealed class AdminRulesValidate(RulesAdmin rules)
{
    [Function(nameof(AdminRulesValidate))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.AdminRulesValidate)] HttpRequest request) =>
        rules.ValidateAsync(request);
}
