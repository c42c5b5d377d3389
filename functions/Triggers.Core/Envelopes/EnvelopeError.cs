namespace Triggers.Core.Envelopes;

/// <summary>One problem with an envelope body.</summary>
/// <param name="Path">A JSONPath to the offending value, for example <c>$[2].actor.id</c>; <c>$</c> is the whole body.</param>
/// <param name="Message">What is wrong and what is expected there.</param>
public sealed record EnvelopeError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
