using Triggers.Core.Analysis;
using Triggers.Core.Contacts;
using Triggers.Core.Emotion;
using Triggers.Core.People;
using Triggers.Core.Processing;

namespace Triggers.Core.Decisions;

/// <summary>
/// What the decision pipeline reads and writes. The queue worker and passive replies pass the table stores; the
/// simulator passes in-memory ones (<see cref="Simulation.Memory.MemoryPorts"/>), so all three decide with the same code.
/// </summary>
public sealed record DecisionPorts
{
    public required ISignalAnalyzer Analyzer { get; init; }

    public required IContactStateStore Contacts { get; init; }

    /// <summary>Where planned touchpoints are recorded; the pipeline records each before judging the next, so caps count it.</summary>
    public required ITouchpointStore Touchpoints { get; init; }

    public required ISendLedger Ledger { get; init; }

    public required ICooldownStore Cooldowns { get; init; }

    public required IEmotionStore Emotions { get; init; }

    public required IRoomStore Rooms { get; init; }

    /// <summary>Account links: an <c>identify</c> signal links its accounts before it is decided.</summary>
    public required IPeopleStore People { get; init; }

    /// <summary>
    /// Where the guardrails find a person's other accounts. The hosts share one, so its per-tenant "links nobody" flag
    /// lasts across signals; null: the pipeline makes its own from <see cref="People"/>.
    /// </summary>
    public PersonContacts? Persons { get; init; }

    /// <summary>The knowledge-coin bank: a redeem signal spends from it, and rules read balances from it.</summary>
    public required Coins.CoinBank Coins { get; init; }

    /// <summary>Reward units claimed by redemptions.</summary>
    public required Coins.RewardStock Stock { get; init; }

    /// <summary>Each account's trust (table Trust), scored per signal for tenants with rows in table Scoring.</summary>
    public required Trust.ITrustStore Trust { get; init; }

    /// <summary>Each person's journey across the portfolio's quadrants (tenants with rows in table Portfolio).</summary>
    public required Portfolio.IJourneyStore Journeys { get; init; }

    /// <summary>Erased accounts: a signal of one, from before its erasure, is dropped. Null (the simulator): none are checked.</summary>
    public Erasure.ErasedAccounts? Erased { get; init; }

    public required TimeProvider Time { get; init; }
}
