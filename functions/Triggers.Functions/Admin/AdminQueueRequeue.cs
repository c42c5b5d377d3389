using Triggers.Hosting.Admin;
using Triggers.Hosting.Http;

namespace Triggers.Functions.Admin;

/// <summary>Poison messages sent back to their queue (QueuesAdmin). The Functions host checks the function key; QueuesAdmin the tenants.</summary>
public sealed class AdminQueueRequeue(QueuesAdmin queues)
{
    [Function(nameof(AdminQueueRequeue))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.AdminQueueRequeue)] HttpRequest request, string queue) =>
        queues.RequeueAsync(request, queue);
}
