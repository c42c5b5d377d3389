using Triggers.Hosting.Admin;
using Triggers.Hosting.Http;

namespace Triggers.Functions.Admin;

/// <summary>The person an account belongs to, with every linked account. The Functions host checks the function key (x-functions-key).</summary>
public sealed class AdminContactGet(ContactsAdmin contacts)
{
    [Function(nameof(AdminContactGet))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.AdminContact)] HttpRequest request, string account) =>
        contacts.GetAsync(request, account);
}
