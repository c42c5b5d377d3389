using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Triggers.App.Tests.Portfolio;

/// <summary>
/// A WeCom group robot on loopback (Kestrel), speaking its documented wire format: <c>POST /cgi-bin/webhook/send?key=</c>
/// with <c>{"msgtype":"text","text":{"content":…}}</c>, answered <c>{"errcode":0,"errmsg":"ok"}</c>. It keeps every post.
/// </summary>
internal sealed class WeComRobotStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WeComRobotStandIn(WebApplication app) => _app = app;

    /// <summary>Each post as its key and the text content.</summary>
    public ConcurrentQueue<(string Key, string Content)> Posts { get; } = new();

    public string BaseUrl { get; private set; } = string.Empty;

    public static async Task<WeComRobotStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var robot = new WeComRobotStandIn(app);
        app.MapPost("/cgi-bin/webhook/send", async (HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            if (body.RootElement.GetProperty("msgtype").GetString() != "text")
            {
                return Results.Json(new { errcode = 40008, errmsg = "invalid message type" });
            }

            robot.Posts.Enqueue((request.Query["key"].ToString(), body.RootElement.GetProperty("text").GetProperty("content").GetString() ?? string.Empty));
            return Results.Json(new { errcode = 0, errmsg = "ok" });
        });
        await app.StartAsync();
        robot.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return robot;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
