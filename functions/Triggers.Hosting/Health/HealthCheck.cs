using Triggers.Hosting.Channels;
using Triggers.Hosting.Rules;
using Triggers.Hosting.Storage;
using Triggers.Hosting.Topics;
using Azure.Data.Tables;
using Triggers.Azure.Storage;

namespace Triggers.Hosting.Health;

/// <summary><c>GET /api/health</c>: 200 with JSON once storage is reachable and initialised; 503 with the reason otherwise. Lists broken rules.</summary>
public sealed class HealthCheck(
    TableServiceClient tables,
    StorageReadiness readiness,
    RuleCache rules,
    TopicCache topics,
    ChannelRegistry channels,
    IHostEnvironment host)
{
    private static readonly TimeSpan StorageTimeout = TimeSpan.FromSeconds(3);

    public async Task<IResult> CheckAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ct = request.HttpContext.RequestAborted;
        string? problem = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(StorageTimeout);
        try
        {
            await tables.PingAsync(timeout.Token);
            problem = readiness.Problem;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            problem = ex is OperationCanceledException
                ? $"storage did not answer within {StorageTimeout.TotalSeconds:0} s"
                : $"storage unreachable: {ex.Message}";
        }

        var snapshot = rules.Current;
        var body = new HealthReport(
            problem is null ? "healthy" : "unhealthy",
            problem,
            host.ApplicationName,
            problem is null ? "reachable" : "unavailable",
            [.. channels.All.Select(c => new HealthChannel(c.Name, c.Platform, c.Tenant))],
            new HealthRules(snapshot?.Rules.Rules.Count, snapshot?.LoadedAt, snapshot?.Problems ?? []),
            new HealthTopics(topics.Current?.Problems ?? []));
        return Results.Json(body, statusCode: problem is null ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private sealed record HealthReport(string Status, string? Reason, string Host, string Storage, IReadOnlyList<HealthChannel> Channels, HealthRules Rules, HealthTopics Topics);

    private sealed record HealthChannel(string Name, string Platform, string Tenant);

    private sealed record HealthTopics(IReadOnlyList<Core.Topics.TopicProblem> Problems);

    private sealed record HealthRules(int? Loaded, DateTimeOffset? LoadedAt, IReadOnlyList<Core.Rules.RuleProblem> Problems);
}
