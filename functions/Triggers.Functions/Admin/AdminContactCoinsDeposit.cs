using Triggers.Hosting.Admin;
using Triggers.Hosting.Http;

namespace Triggers.Functions.Admin;

/// <summary>Operations staff deposit knowledge coins, once per idempotency key. The Functions host checks the function key (x-functions-key).</summary>
public sealed class AdminContactCoinsDeposit(CoinsAdmin coins)
{
    [Function(nameof(AdminContactCoinsDeposit))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.AdminContactCoinsDeposit)] HttpRequest request, string account) =>
        coins.DepositAsync(request, account);
}
