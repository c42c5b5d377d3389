using Azure.Core;
using Azure.Core.Pipeline;

namespace Triggers.Azure.Storage;

/// <summary>Signs each attempt (retries included, after <see cref="StorageDatePolicy"/> dated it) with the account key.</summary>
internal sealed class SharedKeyPolicy(StorageSharedKey key, StorageService service) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var request = message.Request;
        var stringToSign = service == StorageService.Table
            ? SharedKeyStringToSign.ForTable(request, key.AccountName)
            : SharedKeyStringToSign.ForQueue(request, key.AccountName);
        request.Headers.SetValue("Authorization", key.AuthorizationHeader(stringToSign));
    }
}
