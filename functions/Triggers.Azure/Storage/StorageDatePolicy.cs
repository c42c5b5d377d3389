using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Triggers.Azure.Storage;

/// <summary>Stamps every attempt with x-ms-date; the service refuses requests dated more than 15 minutes off.</summary>
internal sealed class StorageDatePolicy(TimeProvider timeProvider) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Request.Headers.SetValue("x-ms-date", timeProvider.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
    }
}
