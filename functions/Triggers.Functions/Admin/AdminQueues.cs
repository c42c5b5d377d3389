using Triggers.Hosting.Admin;
using Triggers.Hosting.Http;

namespace Triggers.Functions.Admin;

/// <summary>Queue depths and poison messages (QueuesAdmin). The Functions host checks the function key; QueuesAdmin the tenants.</summary>
public sealed class AdminQueues(QueuesAdmin queues)
{
    [Function(nameof(AdminQueues))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.AdminQueues)] HttpRequest request) =>
        queues.ListAsync(request);
}
