using Triggers.Core.Decisions;
using Triggers.Core.Processing;

namespace Triggers.Core.Simulation.Memory;

/// <summary>The decision pipeline's ports for a simulation: every store in memory, starting empty.</summary>
public static class MemoryPorts
{
    /// <param name="signals">The recorded signals, whose analyses the pipeline uses.</param>
    /// <param name="clock">The clock the caller sets to each signal's processing time.</param>
    public static DecisionPorts Create(IEnumerable<ProcessedSignal> signals, TimeProvider clock) => new()
    {
        Analyzer = new RecordedAnalyses(signals),
        Contacts = new MemoryContacts(),
        Touchpoints = new MemoryTouchpoints(),
        Ledger = new MemoryLedger(),
        Cooldowns = new MemoryCooldowns(),
        Emotions = new MemoryEmotions(),
        Rooms = new MemoryRooms(),
        People = new MemoryPeople(),
        Coins = new Coins.CoinBank(new MemoryCoins(), clock),
        Stock = new Coins.RewardStock(new MemoryRewardStock()),
        Trust = new MemoryTrust(),
        Journeys = new MemoryJourneys(),
        Time = clock,
    };
}
