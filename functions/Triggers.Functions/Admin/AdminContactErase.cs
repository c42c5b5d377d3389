using Triggers.Hosting.Admin;
using Triggers.Hosting.Http;

namespace Triggers.Functions.Admin;

/// <summary>Erases a person on request (PIPL, GDPR) across every table. The Functions host checks the function key (x-functions-key).</summary>
public sealed class AdminContactErase(ContactsAdmin contacts)
{
    [Function(nameof(AdminContactErase))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Function, "delete", Route = Routes.AdminContact)] HttpRequest request, string account) =>
        contacts.EraseAsync(request, account);
}
