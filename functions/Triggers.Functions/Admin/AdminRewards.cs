using Triggers.Hosting.Admin;
using Triggers.Hosting.Http;

namespace Triggers.Functions.Admin;

/// <summary>A tenant's rewards with the units still free, and the broken rows of table Rewards. The Functions host checks the function key (x-functions-key).</summary>
public sealed class AdminRewards(CoinsAdmin coins)
{
    [Function(nameof(AdminRewards))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.AdminRewards)] HttpRequest request) =>
        coins.RewardsAsync(request);
}
