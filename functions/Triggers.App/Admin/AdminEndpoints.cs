using System.Globalization;
using Triggers.App.Channels;
using Triggers.App.Rules;
using Triggers.Core.Processing;
using Triggers.Core.Touchpoints;

namespace Triggers.App.Admin;

public static class AdminEndpoints
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 1000;

    private static readonly string[] Statuses =
    [
        TouchpointStatus.Planned, TouchpointStatus.Sending, TouchpointStatus.Sent,
        TouchpointStatus.Failed, TouchpointStatus.Blocked, TouchpointStatus.Cancelled,
    ];

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").AddEndpointFilter<AdminKeyFilter>();

        admin.MapGet("/signals", ListSignalsAsync)
            .WithSummary("Processed signals, newest first: ?channel={name}&limit={n} (channel optional, limit 1-1000, default 50).");
        admin.MapGet("/touchpoints", ListTouchpointsAsync)
            .WithSummary("Touchpoints of a tenant: ?tenant={t}&status={s}&limit={n} (tenant default 'default').");
        admin.MapGet("/rules/problems", GetRuleProblemsAsync)
            .WithSummary("Rules in table Rules that are broken and skipped, with the exact problem.");
        admin.MapPost("/rules/reload", ReloadRulesAsync)
            .WithSummary("Re-read table Rules now instead of waiting for the refresh interval.");
        admin.MapGet("/rules/history", ListRuleHistoryAsync)
            .WithSummary("Superseded versions of one rule, newest first: ?tenant={t}&rule={id}&limit={n} (tenant default 'default').");
        admin.MapSimulation();
        admin.MapHandoffs();
        admin.MapConsent();
        return app;
    }

    private static async Task<IResult> ListSignalsAsync(string? channel, string? limit, ChannelRegistry channels, IProcessedSignalStore store, CancellationToken ct)
    {
        if (!TryLimit(limit, out var take, out var problem))
        {
            return problem;
        }

        if (channel is not null && !channels.IsKnown(channel))
        {
            return AdminResults.Error(StatusCodes.Status404NotFound,
                $"Channel '{channel}' is not configured (configured: {string.Join(", ", channels.All.Select(c => c.Name))}).");
        }

        var names = channel is null ? channels.All.Select(c => c.Name) : [channel];
        var found = new List<ProcessedSignal>();
        foreach (var name in names)
        {
            found.AddRange(await store.ListAsync(name, take, ct));
        }

        var views = found
            .OrderByDescending(s => s.Signal.OccurredAt)
            .ThenBy(s => s.Signal.Id, StringComparer.Ordinal)
            .Take(take)
            .Select(SignalView.From);
        return Results.Ok(views);
    }

    private static async Task<IResult> ListTouchpointsAsync(string? tenant, string? status, string? limit, ITouchpointStore store, CancellationToken ct)
    {
        if (!TryLimit(limit, out var take, out var problem))
        {
            return problem;
        }

        if (status is not null && !Statuses.Contains(status, StringComparer.Ordinal))
        {
            return AdminResults.Error(StatusCodes.Status400BadRequest,
                $"status '{status}' is not a touchpoint status: use one of {string.Join(", ", Statuses)}.");
        }

        var touchpoints = await store.ListAsync(tenant ?? ChannelRegistry.DefaultTenant, status, take, ct);
        return Results.Ok(touchpoints.Select(TouchpointView.From));
    }

    private static IResult GetRuleProblemsAsync(RuleCache cache) =>
        Results.Ok(cache.Current?.Problems ?? []);

    private static async Task<IResult> ReloadRulesAsync(RuleCache cache, CancellationToken ct)
    {
        var snapshot = await cache.RefreshAsync(ct);
        return Results.Ok(new { rules = snapshot.Rules.Rules.Count, problems = snapshot.Problems, loadedAt = snapshot.LoadedAt });
    }

    private static async Task<IResult> ListRuleHistoryAsync(string? tenant, string? rule, string? limit, IRuleHistoryStore store, CancellationToken ct)
    {
        if (!TryLimit(limit, out var take, out var problem))
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(rule))
        {
            return AdminResults.Error(StatusCodes.Status400BadRequest, "rule is required: ?tenant={t}&rule={rule id}.");
        }

        return Results.Ok(await store.ListAsync(tenant ?? ChannelRegistry.DefaultTenant, rule, take, ct));
    }

    /// <summary>?limit=: 1 to 1000, default 50; otherwise a 400 saying so.</summary>
    internal static bool TryLimit(string? text, out int limit, out IResult problem)
    {
        problem = Results.Empty;
        limit = DefaultLimit;
        if (text is null)
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= MaxLimit)
        {
            return true;
        }

        problem = AdminResults.Error(StatusCodes.Status400BadRequest, $"limit '{text}' must be a whole number from 1 to {MaxLimit}.");
        return false;
    }
}
