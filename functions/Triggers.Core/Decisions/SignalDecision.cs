using Triggers.Core.Analysis;
using Triggers.Core.Contacts;
using Triggers.Core.Emotion;
using Triggers.Core.Signals;

namespace Triggers.Core.Decisions;

/// <summary>Everything the pipeline decided about one signal, in rule priority order.</summary>
public sealed record SignalDecision(
    Signal Signal, TextAnalysis Analysis, ContactObservation Contact, EmotionSnapshot Emotion, IReadOnlyList<RuleDecision> Rules, DateTimeOffset DecidedAt)
{
    public IEnumerable<Touchpoints.Touchpoint> Touchpoints => Rules.SelectMany(r => r.Touchpoints);

    /// <summary>Why the accounts an identify signal named, or the keys a signal carried, could not be linked (for the log); the signal is decided all the same.</summary>
    public string? LinkRefusal { get; init; }

    /// <summary>
    /// The signal is from an erased account and happened before its erasure (a redelivery or a replay): nothing was
    /// decided or stored, and it must not be recorded.
    /// </summary>
    public bool Erased { get; init; }

    /// <summary>The decision for a signal of an erased account: nothing analysed, decided or stored.</summary>
    public static SignalDecision Dropped(Signal signal, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var state = new ContactState { Tenant = signal.Tenant, Channel = signal.Channel, Contact = signal.Actor.Id };
        return new SignalDecision(signal, TextAnalysis.Neutral("erased"), new ContactObservation(state, false, []), EmotionSnapshot.Empty, [], now) { Erased = true };
    }

    /// <summary>How a redeem signal's redemption ended; null for other signals.</summary>
    public Coins.Redemption? Redemption { get; init; }
}
