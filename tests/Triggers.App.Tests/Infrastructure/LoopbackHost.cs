using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Triggers.App.Tests.Infrastructure;

/// <summary>
/// A real Kestrel server on a free loopback port, for the stand-ins of outside services the app calls (a platform's
/// API, the brand's own system, Azure AI Language): the test maps the routes, this starts it and says where it listens.
/// </summary>
internal sealed class LoopbackHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackHost(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>Where it listens, without a trailing slash: <c>http://127.0.0.1:{port}</c>.</summary>
    public string BaseUrl { get; }

    public static async Task<LoopbackHost> StartAsync(Action<WebApplication> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new LoopbackHost(app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
