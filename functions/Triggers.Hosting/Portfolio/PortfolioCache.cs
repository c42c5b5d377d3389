using Microsoft.Extensions.Options;
using Triggers.Core.Portfolio;
using Triggers.Core.StaffTables;
using Triggers.Hosting.ConfigTables;
using Triggers.Hosting.Processing;

namespace Triggers.Hosting.Portfolio;

/// <summary>One load of table <c>Portfolio</c>, compiled.</summary>
public sealed record PortfolioSnapshot(PortfolioSet Portfolio, DateTimeOffset LoadedAt) : IConfigTableSnapshot;

/// <summary>
/// Every tenant's portfolio from table <c>Portfolio</c>, re-read when older than Processing:RulesRefreshInterval, as
/// rules are. A broken row is reported once per distinct problem (log and <c>/api/admin/health</c>) and left out; if a
/// refresh fails the last good portfolio stays in use.
/// </summary>
public sealed partial class PortfolioCache(
    IStaffRowSource source,
    IOptions<ProcessingOptions> options,
    TimeProvider time,
    ILogger<PortfolioCache> logger) : ConfigTableCache<PortfolioSnapshot>(options, time, logger)
{
    public override string TableName => "Portfolio";

    /// <summary>The tenant's portfolio (the defaults without rows), reading the table first when the cached copy is stale.</summary>
    public async ValueTask<TenantPortfolio> ForAsync(string tenant, CancellationToken cancellationToken) =>
        (await FreshAsync(cancellationToken)).Portfolio.For(tenant);

    protected override async Task<PortfolioSnapshot> LoadAsync(PortfolioSnapshot? previous, CancellationToken cancellationToken)
    {
        var portfolio = PortfolioSet.Compile(await source.LoadAsync(cancellationToken));
        foreach (var problem in NewProblems(portfolio.Problems, previous?.Portfolio.Problems))
        {
            Log.BrokenRow(logger, problem.Tenant, problem.Row, problem.Problem);
        }

        return new PortfolioSnapshot(portfolio, ReadStartedAt);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4205, Level = LogLevel.Error, Message = "Portfolio row {Row} of tenant {Tenant} is broken and skipped: {Problem}")]
        public static partial void BrokenRow(ILogger logger, string tenant, string row, string problem);
    }
}
