using System.Collections.Frozen;
using Triggers.Core.Coins;
using Triggers.Hosting.ConfigTables;

namespace Triggers.Hosting.Rewards;

/// <summary>One load of table <c>Rewards</c>, by tenant and id. Immutable, swapped in whole.</summary>
public sealed class RewardSnapshot : IConfigTableSnapshot
{
    private readonly FrozenDictionary<(string, string), Reward> _byId;

    private RewardSnapshot(RewardSourceSnapshot loaded, DateTimeOffset loadedAt)
    {
        Rewards = loaded.Rewards;
        Problems = loaded.Problems;
        LoadedAt = loadedAt;
        _byId = loaded.Rewards.ToFrozenDictionary(r => (r.Tenant, r.Id));
    }

    /// <summary>Readable rewards of every tenant, disabled ones too.</summary>
    public IReadOnlyList<Reward> Rewards { get; }

    /// <summary>Rows left out, each with what is wrong.</summary>
    public IReadOnlyList<RewardProblem> Problems { get; }

    public DateTimeOffset LoadedAt { get; }

    public Reward? Find(string tenant, string id) => _byId.GetValueOrDefault((tenant, id));

    internal static RewardSnapshot Create(RewardSourceSnapshot loaded, DateTimeOffset loadedAt) => new(loaded, loadedAt);
}
