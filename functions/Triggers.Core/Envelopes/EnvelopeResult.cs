using Triggers.Core.Signals;

namespace Triggers.Core.Envelopes;

/// <summary>
/// The outcome of parsing a body: either every signal and no errors, or every error found and no signals
/// (a batch is all-or-nothing, so a sender never has to work out which half was stored).
/// </summary>
public sealed record EnvelopeResult(IReadOnlyList<Signal> Signals, IReadOnlyList<EnvelopeError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
