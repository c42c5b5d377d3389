using Microsoft.Extensions.DependencyInjection;
using Triggers.Platforms.Outbound;
using Triggers.Platforms.Tests.Outbound.Fake;
using Triggers.Testing;

namespace Triggers.Platforms.Tests.Outbound;

/// <summary>A fake platform server, a hand-moved clock and the senders wired to both, as the app wires them.</summary>
internal sealed class SenderHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 3, 2, 4, 5, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    private SenderHarness(FakePlatformServer server, OutboundEndpoints endpoints)
    {
        Server = server;
        Endpoints = endpoints;

        // The HTTP client the app registers: the factory, its resilience handler, and the endpoints' timeout.
        _services = new ServiceCollection().AddSingleton(endpoints).AddSenderHttp().BuildServiceProvider();
        Senders = new TouchpointSenders(_services.GetRequiredService<IHttpClientFactory>(), Clock, endpoints);
    }

    public FakePlatformServer Server { get; }

    public SteppedClock Clock { get; } = new(Start);

    public OutboundEndpoints Endpoints { get; }

    public TouchpointSenders Senders { get; }

    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<SenderHarness> StartAsync(TimeSpan? timeout = null)
    {
        var server = await FakePlatformServer.StartAsync();
        var endpoints = new OutboundEndpoints
        {
            WeChatBaseUrl = server.BaseUrl.AbsoluteUri,
            WeComBaseUrl = server.BaseUrl.AbsoluteUri,
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
            TokenRefreshBefore = TimeSpan.FromMinutes(5),
        };
        return new SenderHarness(server, endpoints);
    }

    public Task<SendResult> SendAsync(OutboundMessage message, ChannelSettings channel) => Senders.SendAsync(message, channel, Cancel);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
