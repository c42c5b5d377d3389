using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.Console;

/// <summary>The standalone app on a real Kestrel port on loopback against the run's Azurite, for a browser to open.</summary>
internal sealed class ConsoleHost : IAsyncDisposable
{
    private readonly TriggersAppFactory _app;

    private ConsoleHost(TriggersAppFactory app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public TriggersAppFactory App => _app;

    public static ConsoleHost Start(AzuriteFixture azurite, IReadOnlyDictionary<string, string?> settings)
    {
        var app = new TriggersAppFactory(azurite, settings);
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return new ConsoleHost(app, address);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
