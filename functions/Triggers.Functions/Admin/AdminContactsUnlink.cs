using Triggers.Hosting.Admin;
using Triggers.Hosting.Http;

namespace Triggers.Functions.Admin;

/// <summary>Operations staff take an account back out of its person. The Functions host checks the function key (x-functions-key).</summary>
public sealed class AdminContactsUnlink(ContactsAdmin contacts)
{
    [Function(nameof(AdminContactsUnlink))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.AdminContactsUnlink)] HttpRequest request) =>
        contacts.UnlinkAsync(request);
}
