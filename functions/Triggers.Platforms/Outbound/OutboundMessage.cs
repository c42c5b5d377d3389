using Triggers.Core.Touchpoints;

namespace Triggers.Platforms.Outbound;

/// <summary>One touchpoint ready to leave: the touchpoint itself (its id makes sending idempotent) and the text rendered for it.</summary>
/// <param name="Text">The text to send: the touchpoint's own, or its template's.</param>
public sealed record OutboundMessage(Touchpoint Touchpoint, string Text);
