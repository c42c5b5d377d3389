using Azure;
using Triggers.Azure.Language;
using Triggers.Azure.Tests.Language.Fake;

namespace Triggers.Azure.Tests.Language;

internal static class LanguageClients
{
    /// <summary>A key-auth client on the stand-in with short retry delays, so retry tests stay fast.</summary>
    public static LanguageClient For(FakeLanguageService service, int maxRetries = 2, Action<LanguageClientOptions>? configure = null)
    {
        var options = new LanguageClientOptions();
        options.Retry.MaxRetries = maxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        configure?.Invoke(options);
        return new LanguageClient(service.Endpoint, new AzureKeyCredential(FakeLanguageService.Key), options);
    }
}
