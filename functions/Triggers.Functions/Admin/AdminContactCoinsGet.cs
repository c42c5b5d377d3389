using Triggers.Hosting.Admin;
using Triggers.Hosting.Http;

namespace Triggers.Functions.Admin;

/// <summary>A person's knowledge coins, experience and statement. The Functions host checks the function key (x-functions-key).</summary>
public sealed class AdminContactCoinsGet(CoinsAdmin coins)
{
    [Function(nameof(AdminContactCoinsGet))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.AdminContactCoins)] HttpRequest request, string account) =>
        coins.GetAsync(request, account);
}
