using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Triggers.App.Tests.Infrastructure;
using Triggers.Platforms.Generic;

namespace Triggers.App.Tests.Touchpoints;

/// <summary>
/// A brand's own system on loopback (Kestrel), receiving Triggers' signed outbound webhooks. It checks each request the
/// way a receiver should (signature over timestamp and body, the delivery id header) and counts every request it gets,
/// including repeats, so a test can tell exactly how many sends happened.
/// </summary>
internal sealed class BrandReceiver : IAsyncDisposable
{
    private readonly string _secret;
    private LoopbackHost _host = null!;
    private int _requests;
    private int _badSignatures;

    private BrandReceiver(string secret) => _secret = secret;

    public ConcurrentDictionary<string, int> Deliveries { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Bodies { get; } = new();

    public int Requests => Volatile.Read(ref _requests);

    public int BadSignatures => Volatile.Read(ref _badSignatures);

    public string Url { get; private set; } = string.Empty;

    public static async Task<BrandReceiver> StartAsync(string secret)
    {
        var receiver = new BrandReceiver(secret);
        receiver._host = await LoopbackHost.StartAsync(app => app.MapPost("/touchpoints", receiver.ReceiveAsync));
        receiver.Url = receiver._host.BaseUrl + "/touchpoints";
        return receiver;
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        Interlocked.Increment(ref _requests);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var timestamp = request.Headers["X-Triggers-Timestamp"].ToString();
        var signature = request.Headers["X-Triggers-Signature"].ToString();
        if (!GenericSignature.Matches(signature, _secret, timestamp, body))
        {
            Interlocked.Increment(ref _badSignatures);
            return Results.Unauthorized();
        }

        Deliveries.AddOrUpdate(request.Headers["X-Triggers-Delivery"].ToString(), 1, (_, n) => n + 1);
        Bodies.Enqueue(System.Text.Encoding.UTF8.GetString(body));
        return Results.Ok();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
