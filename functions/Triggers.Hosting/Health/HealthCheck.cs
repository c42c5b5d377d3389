using Triggers.Hosting.Channels;
using Triggers.Hosting.Rules;
using Triggers.Hosting.Storage;
using Triggers.Hosting.Topics;
using Azure.Data.Tables;
using Triggers.Azure.Storage;

namespace Triggers.Hosting.Health;

/// <summary>
/// Health, said to two audiences. <c>GET /api/health</c> is anonymous (load balancers, uptime checks, anyone on the
/// internet): the status and the class of its reason, nothing about channels, tenants or rules. <c>GET /api/admin/health</c>
/// (admin key) adds the detail operators need: the storage error, the channels, the broken rows of rules, topics, rewards, scoring and portfolio.
/// </summary>
public sealed class HealthCheck(
    TableServiceClient tables,
    StorageReadiness readiness,
    RuleCache rules,
    TopicCache topics,
    Rewards.RewardCache rewards,
    Trust.ScoringCache scoring,
    Portfolio.PortfolioCache portfolio,
    Portfolio.PromotionCache promotions,
    ChannelRegistry channels,
    StorageTransactions transactions,
    Processing.SignalCounters counters,
    IHostEnvironment host)
{
    private static readonly TimeSpan StorageTimeout = TimeSpan.FromSeconds(3);

    /// <summary>200 with <c>{"status":"healthy"}</c> once storage is reachable and initialised; 503 with the reason's class otherwise.</summary>
    public async Task<IResult> CheckAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var storage = await ProbeAsync(request.HttpContext.RequestAborted);
        return Results.Json(new PublicHealth(Status(storage), storage?.Class), statusCode: StatusCode(storage));
    }

    /// <summary>The same status with its detail, for operators.</summary>
    public async Task<IResult> DetailsAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var storage = await ProbeAsync(request.HttpContext.RequestAborted);
        var snapshot = rules.Current;

        // The instance's state is shared; the channels and table problems are the caller's tenants' only.
        var caller = Admin.Access.AdminCaller.Of(request.HttpContext);
        var body = new HealthReport(
            Status(storage),
            storage?.Class,
            storage?.Detail,
            host.ApplicationName,
            storage is null ? "reachable" : "unavailable",
            [.. channels.All.Where(c => caller.MaySee(c.Tenant)).Select(c => new HealthChannel(c.Name, c.Platform, c.Tenant))],
            new HealthRules(snapshot?.Rules.Rules.Count(r => caller.MaySee(r.Tenant)), snapshot?.LoadedAt, [.. (snapshot?.Problems ?? []).Where(p => caller.MaySee(p.Tenant))]),
            new HealthTopics([.. (topics.Current?.Problems ?? []).Where(p => caller.MaySee(p.Tenant))]),
            new HealthRewards([.. (rewards.Current?.Problems ?? []).Where(p => caller.MaySee(p.Tenant))]),
            new HealthScoring([.. (scoring.Current?.Scoring.Problems ?? []).Where(p => caller.MaySee(p.Tenant))]),
            new HealthPortfolio(
                [.. (portfolio.Current?.Portfolio.Problems ?? []).Where(p => caller.MaySee(p.Tenant))],
                [.. (promotions.Current?.Promotions.Problems ?? []).Where(p => caller.MaySee(p.Tenant))]),
            new HealthWork(
                counters.Enqueued,
                counters.Decided,
                transactions.ByWork(),
                transactions.QueuesByWork()));
        return Results.Json(body, statusCode: StatusCode(storage));
    }

    private static string Status(StorageProblem? problem) => problem is null ? "healthy" : "unhealthy";

    private static int StatusCode(StorageProblem? problem) => problem is null ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;

    private async Task<StorageProblem?> ProbeAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(StorageTimeout);
        try
        {
            await tables.PingAsync(timeout.Token);
            return readiness.Problem is { } notReady ? new StorageProblem("storage-not-ready", notReady) : null;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            return ex is OperationCanceledException
                ? new StorageProblem("storage-timeout", $"storage did not answer within {StorageTimeout.TotalSeconds:0} s")
                : new StorageProblem("storage-unreachable", $"storage unreachable: {ex.Message}");
        }
    }

    /// <summary>What is wrong with storage: a class safe to show anyone, and the detail for operators.</summary>
    private sealed record StorageProblem(string Class, string Detail);

    private sealed record PublicHealth(string Status, string? Reason);

    private sealed record HealthReport(string Status, string? Reason, string? Detail, string Host, string Storage, IReadOnlyList<HealthChannel> Channels, HealthRules Rules, HealthTopics Topics, HealthRewards Rewards, HealthScoring Scoring, HealthPortfolio Portfolio, HealthWork Work);

    /// <summary>
    /// What this instance has done since it started: signals enqueued and decided, storage transactions by work, and of
    /// those the requests to the Queue service.
    /// </summary>
    private sealed record HealthWork(long SignalsEnqueued, long SignalsDecided, IReadOnlyDictionary<string, long> StorageTransactions, IReadOnlyDictionary<string, long> QueueTransactions);

    private sealed record HealthChannel(string Name, string Platform, string Tenant);

    private sealed record HealthTopics(IReadOnlyList<Core.Topics.TopicProblem> Problems);

    private sealed record HealthPortfolio(IReadOnlyList<Core.Portfolio.PortfolioProblem> Problems, IReadOnlyList<Core.Portfolio.PromotionProblem> Promotions);

    private sealed record HealthScoring(IReadOnlyList<Core.Trust.ScoringProblem> Problems);

    private sealed record HealthRewards(IReadOnlyList<Core.Coins.RewardProblem> Problems);

    private sealed record HealthRules(int? Loaded, DateTimeOffset? LoadedAt, IReadOnlyList<Core.Rules.RuleProblem> Problems);
}
