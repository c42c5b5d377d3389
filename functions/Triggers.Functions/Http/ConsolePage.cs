using Triggers.Hosting.Console;
using Triggers.Hosting.Http;

namespace Triggers.Functions.Http;

/// <summary>The operations console's page and files at /console, anonymous: the admin key is entered in the page.</summary>
public sealed class ConsolePage(ConsoleAssets assets)
{
    [Function(nameof(ConsolePage))]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Console)] HttpRequest request, string? path) =>
        assets.Serve(request, path);
}
