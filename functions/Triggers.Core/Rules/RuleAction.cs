namespace Triggers.Core.Rules;

/// <summary>One validated action of a rule's Then.</summary>
/// <param name="Type">One of <see cref="ActionTypes"/>.</param>
/// <param name="Channel">The channel to act on; null means the channel the signal came from.</param>
/// <param name="Delay">How long after the signal to act (zero: now).</param>
/// <param name="Slack">Extra random delay as a fraction of <paramref name="Delay"/>, 0..1, so touches do not feel automated.</param>
public sealed record RuleAction(string Type, string? Channel, string? Template, string? Text, TimeSpan Delay, double Slack)
{
    public const double DefaultSlack = 0.1;

    /// <summary>
    /// <c>"reply": "passive"</c>: answer in the webhook response itself, on platforms that allow a passive reply
    /// (WeChat), instead of sending later. Only for a <c>message</c> with no delay.
    /// </summary>
    public bool PassiveReply { get; init; }

    /// <summary>
    /// <c>"uses"</c>: what the action relies on beyond text (see <see cref="Guardrails.ActionUses"/>), so platforms that
    /// forbid it block the action. Distinct, in the order written; empty when the field is left out.
    /// </summary>
    public IReadOnlyList<string> Uses { get; init; } = [];

    /// <summary>
    /// A <c>coins</c> action: how many knowledge coins to deposit (it names this, <see cref="Xp"/>, or both); a
    /// <c>contribute</c> action: its community points.
    /// </summary>
    public long? Amount { get; init; }

    /// <summary>A <c>coupon</c> action: its discount, 0 to 1 (<c>"depth": 0.2</c> is 20 % off).</summary>
    public double? Depth { get; init; }

    /// <summary>A <c>coupon</c> action: its face value in yuan, a cost of the touch in the control lines.</summary>
    public decimal? Value { get; init; }

    /// <summary>A <c>coins</c> action: how much experience to add (appreciation: team-ups, invitations), never spendable.</summary>
    public long? Xp { get; init; }

    /// <summary>A <c>coins</c> action: why, kept on the wallet's entry.</summary>
    public string? Reason { get; init; }

    // Written out because the generated equality would compare Uses by reference.
    public bool Equals(RuleAction? other) =>
        other is not null
        && Type == other.Type
        && Channel == other.Channel
        && Template == other.Template
        && Text == other.Text
        && Delay == other.Delay
        && Slack.Equals(other.Slack)
        && PassiveReply == other.PassiveReply
        && Amount == other.Amount
        && Depth == other.Depth
        && Value == other.Value
        && Xp == other.Xp
        && Reason == other.Reason
        && Uses.SequenceEqual(other.Uses, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Type, Channel, Template, Text, Delay, Slack, PassiveReply, Uses.Count);
}
