using Triggers.Hosting.Admin;
using Triggers.Hosting.Http;

namespace Triggers.Functions.Admin;

/// <summary>Operations staff redeem a reward for a person's coins, once per idempotency key. The Functions host checks the function key (x-functions-key).</summary>
public sealed class AdminContactCoinsRedeem(CoinsAdmin coins)
{
    [Function(nameof(AdminContactCoinsRedeem))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.AdminContactCoinsRedeem)] HttpRequest request, string account) =>
        coins.RedeemAsync(request, account);
}
