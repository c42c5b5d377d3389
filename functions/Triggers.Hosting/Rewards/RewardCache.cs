using Microsoft.Extensions.Options;
using Triggers.Core.Coins;
using Triggers.Hosting.ConfigTables;
using Triggers.Hosting.Processing;

namespace Triggers.Hosting.Rewards;

/// <summary>
/// The rewards of table <c>Rewards</c>, re-read when older than Processing:RulesRefreshInterval, as rules and topics are.
/// A broken row is reported once per distinct problem (log and <c>/api/admin/health</c>) and left out; if a refresh
/// fails the last good rewards stay in use.
/// </summary>
public sealed partial class RewardCache(
    IRewardSource source,
    IOptions<ProcessingOptions> options,
    TimeProvider time,
    ILogger<RewardCache> logger) : ConfigTableCache<RewardSnapshot>(options, time, logger)
{
    public override string TableName => "Rewards";

    /// <summary>The tenant's reward by id, reading the table first when the cached rewards are stale.</summary>
    public async ValueTask<Reward?> FindAsync(string tenant, string id, CancellationToken cancellationToken) =>
        (await FreshAsync(cancellationToken)).Find(tenant, id);

    /// <summary>The tenant's rewards and its broken rows, fresh as <see cref="FindAsync"/>.</summary>
    public async ValueTask<(IReadOnlyList<Reward> Rewards, IReadOnlyList<RewardProblem> Problems)> ForTenantAsync(string tenant, CancellationToken cancellationToken)
    {
        var snapshot = await FreshAsync(cancellationToken);
        return ([.. snapshot.Rewards.Where(r => r.Tenant == tenant).OrderBy(r => r.Id, StringComparer.Ordinal)], [.. snapshot.Problems.Where(p => p.Tenant == tenant)]);
    }

    protected override async Task<RewardSnapshot> LoadAsync(RewardSnapshot? previous, CancellationToken cancellationToken)
    {
        var loaded = await source.LoadAsync(cancellationToken);
        foreach (var problem in NewProblems(loaded.Problems, previous?.Problems))
        {
            Log.BrokenReward(logger, problem.Tenant, problem.Reward, problem.Problem);
        }

        return RewardSnapshot.Create(loaded, ReadStartedAt);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4203, Level = LogLevel.Error, Message = "Reward {Reward} of tenant {Tenant} is broken and skipped: {Problem}")]
        public static partial void BrokenReward(ILogger logger, string tenant, string reward, string problem);
    }
}
