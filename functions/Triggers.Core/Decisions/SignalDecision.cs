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

    /// <summary>Why an identify signal's accounts could not be linked (for the log); the signal is decided all the same.</summary>
    public string? LinkRefusal { get; init; }

    /// <summary>How a redeem signal's redemption ended; null for other signals.</summary>
    public Coins.Redemption? Redemption { get; init; }
}
