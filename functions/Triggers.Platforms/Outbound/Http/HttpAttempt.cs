using System.Diagnostics.CodeAnalysis;

namespace Triggers.Platforms.Outbound.Http;

/// <summary>One HTTP call: the reply, or the Retry result for a transport failure (timeout, refused, reset).</summary>
internal readonly record struct HttpAttempt(PlatformReply? Reply, SendResult? Failure)
{
    [MemberNotNullWhen(true, nameof(Reply))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Answered => Reply is not null;
}
