using Triggers.Hosting.Admin;
using Triggers.Hosting.Http;

namespace Triggers.Functions.Admin;

/// <summary>One person's history and emotion series merged across linked accounts. The Functions host checks the function key (x-functions-key).</summary>
public sealed class AdminContactTimeline(TimelineAdmin timeline)
{
    [Function(nameof(AdminContactTimeline))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.AdminContactTimeline)] HttpRequest request, string account) =>
        timeline.GetAsync(request, account);
}
