using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Triggers.Azure.Language;

/// <summary>Sends the resource key in <c>Ocp-Apim-Subscription-Key</c>; read per request so a rotated key applies at once.</summary>
internal sealed class ApiKeyPolicy(AzureKeyCredential key) : HttpPipelineSynchronousPolicy
{
    public const string HeaderName = "Ocp-Apim-Subscription-Key";

    public override void OnSendingRequest(HttpMessage message) => message.Request.Headers.SetValue(HeaderName, key.Key);
}
