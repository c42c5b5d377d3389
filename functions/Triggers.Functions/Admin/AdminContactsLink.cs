using Triggers.Hosting.Admin;
using Triggers.Hosting.Http;

namespace Triggers.Functions.Admin;

/// <summary>Operations staff link platform accounts into one person. The Functions host checks the function key (x-functions-key).</summary>
public sealed class AdminContactsLink(ContactsAdmin contacts)
{
    [Function(nameof(AdminContactsLink))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.AdminContactsLink)] HttpRequest request) =>
        contacts.LinkAsync(request);
}
