using Microsoft.Extensions.Options;
using Triggers.Core.Trust;
using Triggers.Hosting.ConfigTables;
using Triggers.Hosting.Processing;

namespace Triggers.Hosting.Trust;

/// <summary>
/// Every tenant's scoring from table <c>Scoring</c>, re-read when older than Processing:RulesRefreshInterval, as rules
/// are. A broken row is reported once per distinct problem (log and <c>/api/admin/health</c>) and left out; if a refresh
/// fails the last good scoring stays in use.
/// </summary>
public sealed partial class ScoringCache(
    Triggers.Core.StaffTables.IStaffRowSource source,
    IOptions<ProcessingOptions> options,
    TimeProvider time,
    ILogger<ScoringCache> logger) : ConfigTableCache<ScoringSnapshot>(options, time, logger)
{
    public override string TableName => "Scoring";

    /// <summary>The tenant's scoring, or null when it has no rows; reads the table first when the cached copy is stale.</summary>
    public async ValueTask<TenantScoring?> ForAsync(string tenant, CancellationToken cancellationToken) =>
        (await FreshAsync(cancellationToken)).Scoring.For(tenant);

    protected override async Task<ScoringSnapshot> LoadAsync(ScoringSnapshot? previous, CancellationToken cancellationToken)
    {
        var scoring = ScoringSet.Compile(await source.LoadAsync(cancellationToken));
        foreach (var problem in NewProblems(scoring.Problems, previous?.Scoring.Problems))
        {
            Log.BrokenRow(logger, problem.Tenant, problem.Row, problem.Problem);
        }

        return new ScoringSnapshot(scoring, ReadStartedAt);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4204, Level = LogLevel.Error, Message = "Scoring row {Row} of tenant {Tenant} is broken and skipped: {Problem}")]
        public static partial void BrokenRow(ILogger logger, string tenant, string row, string problem);
    }
}
