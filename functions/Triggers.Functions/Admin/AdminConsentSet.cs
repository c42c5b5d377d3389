using Triggers.Hosting.Admin;
using Triggers.Hosting.Http;

namespace Triggers.Functions.Admin;

/// <summary>Opts a contact out of automation, or back in. The Functions host checks the function key (x-functions-key).</summary>
public sealed class AdminConsentSet(ConsentAdmin consent)
{
    [Function(nameof(AdminConsentSet))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.AdminConsent)] HttpRequest request) =>
        consent.SetAsync(request);
}
