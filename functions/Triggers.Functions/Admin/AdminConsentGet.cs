using Triggers.Hosting.Admin;
using Triggers.Hosting.Http;

namespace Triggers.Functions.Admin;

/// <summary>What the guardrails know about a contact's consent. The Functions host checks the function key (x-functions-key).</summary>
public sealed class AdminConsentGet(ConsentAdmin consent)
{
    [Function(nameof(AdminConsentGet))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.AdminConsent)] HttpRequest request) =>
        consent.GetAsync(request);
}
