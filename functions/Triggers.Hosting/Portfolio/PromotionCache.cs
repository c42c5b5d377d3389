using Microsoft.Extensions.Options;
using Triggers.Core.Portfolio;
using Triggers.Core.StaffTables;
using Triggers.Hosting.ConfigTables;
using Triggers.Hosting.Processing;

namespace Triggers.Hosting.Portfolio;

/// <summary>One load of table <c>Promotions</c>, checked.</summary>
public sealed record PromotionSnapshot(PromotionSet Promotions, DateTimeOffset LoadedAt) : IConfigTableSnapshot;

/// <summary>
/// Every tenant's promotions from table <c>Promotions</c>, re-read when older than Processing:RulesRefreshInterval. A
/// broken row is reported once per distinct problem (log and <c>/api/admin/health</c>) and left out.
/// </summary>
public sealed partial class PromotionCache(
    IStaffRowSource source,
    IOptions<ProcessingOptions> options,
    TimeProvider time,
    ILogger<PromotionCache> logger) : ConfigTableCache<PromotionSnapshot>(options, time, logger)
{
    public override string TableName => "Promotions";

    public async ValueTask<IReadOnlyList<Promotion>> ForAsync(string tenant, CancellationToken cancellationToken) =>
        (await FreshAsync(cancellationToken)).Promotions.For(tenant);

    protected override async Task<PromotionSnapshot> LoadAsync(PromotionSnapshot? previous, CancellationToken cancellationToken)
    {
        var promotions = PromotionSet.Compile(await source.LoadAsync(cancellationToken));
        foreach (var problem in NewProblems(promotions.Problems, previous?.Promotions.Problems))
        {
            Log.BrokenRow(logger, problem.Tenant, problem.Row, problem.Problem);
        }

        return new PromotionSnapshot(promotions, ReadStartedAt);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4206, Level = LogLevel.Error, Message = "Promotion {Row} of tenant {Tenant} is broken and skipped: {Problem}")]
        public static partial void BrokenRow(ILogger logger, string tenant, string row, string problem);
    }
}
