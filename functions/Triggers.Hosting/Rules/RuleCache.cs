using Microsoft.Extensions.Options;
using Triggers.Hosting.Channels;
using Triggers.Hosting.ConfigTables;
using Triggers.Hosting.Processing;
using Triggers.Core.Processing;
using Triggers.Core.Rules;

namespace Triggers.Hosting.Rules;

/// <summary>
/// The compiled rules from table <c>Rules</c>, re-read when older than Processing:RulesRefreshInterval.
/// A broken rule is reported (once per distinct problem) and skipped; the others keep working.
/// If a refresh fails the last good rules stay in use.
/// </summary>
public sealed partial class RuleCache(
    IRuleSource source,
    IRuleHistoryStore history,
    ChannelRegistry channels,
    IOptions<ProcessingOptions> options,
    TimeProvider time,
    ILogger<RuleCache> logger,
    RetiredRules? retired = null) : ConfigTableCache<RuleSnapshot>(options, time, logger)
{
    // The definitions history is compared against; only advanced once their history is written.
    private IReadOnlyList<RuleDefinition>? _recorded;

    public override string TableName => "Rules";

    public async ValueTask<RuleSet> GetAsync(CancellationToken cancellationToken) => (await FreshAsync(cancellationToken)).Rules;

    protected override async Task<RuleSnapshot> LoadAsync(RuleSnapshot? previous, CancellationToken cancellationToken)
    {
        var loaded = await source.LoadAsync(cancellationToken);
        var rules = RuleSet.Compile(loaded.Definitions, channels.IsKnown);
        var problems = loaded.Problems.Concat(rules.Problems).ToList();
        foreach (var problem in NewProblems(problems, previous?.Problems))
        {
            Log.BrokenRule(logger, problem.Tenant, problem.RuleId, problem.Problem);
        }

        if (previous is null || previous.Rules.Rules.Count != rules.Rules.Count || previous.Problems.Count != problems.Count)
        {
            Log.Loaded(logger, rules.Rules.Count, problems.Count);
        }

        return new RuleSnapshot(rules, problems, ReadStartedAt, loaded);
    }

    protected override async Task OnLoadedAsync(RuleSnapshot snapshot, CancellationToken cancellationToken)
    {
        await RecordHistoryAsync(snapshot.Source, snapshot.LoadedAt, cancellationToken);
        await RetireAsync(snapshot.Source, cancellationToken);
    }

    /// <summary>Planned touchpoints of rules disabled or deleted since the last load are cancelled now, within this refresh.</summary>
    private async Task RetireAsync(RuleSourceSnapshot loaded, CancellationToken cancellationToken)
    {
        if (retired is null)
        {
            return;
        }

        try
        {
            await retired.ApplyAsync(loaded, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.RetireFailed(logger, ex.Message);
        }
    }

    private async Task RecordHistoryAsync(RuleSourceSnapshot loaded, DateTimeOffset detectedAt, CancellationToken cancellationToken)
    {
        if (_recorded is { } previous)
        {
            var changes = HistoryDetector.Changes(previous, loaded.Definitions, loaded.Problems.Select(p => (p.Tenant, p.RuleId)), detectedAt);
            try
            {
                await history.AddAsync(changes, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Keep comparing against the old definitions so the next refresh writes these changes again.
                Log.HistoryFailed(logger, changes.Count, ex.Message);
                return;
            }

            foreach (var change in changes)
            {
                Log.RuleChanged(logger, change.RuleId, change.Tenant, change.Change, change.ChangedBy);
            }
        }

        _recorded = loaded.Definitions;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Rule {RuleId} of tenant {Tenant} {Change} by {ChangedBy}; previous version kept in RuleHistory")]
        public static partial void RuleChanged(ILogger logger, string ruleId, string tenant, string change, string changedBy);

        [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Writing {Count} rule change(s) to RuleHistory failed; retrying at the next refresh: {Reason}")]
        public static partial void HistoryFailed(ILogger logger, int count, string reason);

        [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "Rule {RuleId} of tenant {Tenant} is broken and skipped: {Problem}")]
        public static partial void BrokenRule(ILogger logger, string tenant, string ruleId, string problem);

        [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Rules loaded: {Count} active, {Problems} broken")]
        public static partial void Loaded(ILogger logger, int count, int problems);

        [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "Cancelling the planned touchpoints of disabled or deleted rules failed; retrying at the next refresh: {Reason}")]
        public static partial void RetireFailed(ILogger logger, string reason);
    }
}

/// <summary>One load of table <c>Rules</c>.</summary>
/// <param name="Source">The definitions as read, which rule history and retirement compare.</param>
public sealed record RuleSnapshot(RuleSet Rules, IReadOnlyList<RuleProblem> Problems, DateTimeOffset LoadedAt, RuleSourceSnapshot Source) : IConfigTableSnapshot;
