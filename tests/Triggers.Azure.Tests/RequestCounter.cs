using Azure.Core;
using Azure.Core.Pipeline;

namespace Triggers.Azure.Tests;

/// <summary>Counts the requests a client sends, to prove paging and retries really happen.</summary>
internal sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private int _count;

    public int Count => _count;

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
}
