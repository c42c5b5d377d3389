using Triggers.Hosting.Admin;
using Triggers.Hosting.Http;

namespace Triggers.Functions.Admin;

/// <summary>A tenant's erasures, newest first: when, by whom and how much, never who. The Functions host checks the function key (x-functions-key).</summary>
public sealed class AdminErasures(ContactsAdmin contacts)
{
    [Function(nameof(AdminErasures))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.AdminErasures)] HttpRequest request) =>
        contacts.ErasuresAsync(request);
}
