using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Triggers.App.Tests.Infrastructure;

namespace Triggers.App.Tests.Portfolio;

/// <summary>
/// A WeCom group robot on loopback (Kestrel), speaking its documented wire format: <c>POST /cgi-bin/webhook/send?key=</c>
/// with <c>{"msgtype":"text","text":{"content":…}}</c>, answered <c>{"errcode":0,"errmsg":"ok"}</c>. It keeps every post.
/// </summary>
internal sealed class WeComRobotStandIn : IAsyncDisposable
{
    private LoopbackHost _host = null!;

    /// <summary>Each post as its key and the text content.</summary>
    public ConcurrentQueue<(string Key, string Content)> Posts { get; } = new();

    public string BaseUrl => _host.BaseUrl;

    public static async Task<WeComRobotStandIn> StartAsync()
    {
        var robot = new WeComRobotStandIn();
        robot._host = await LoopbackHost.StartAsync(app => app.MapPost("/cgi-bin/webhook/send", robot.PostAsync));
        return robot;
    }

    private async Task<IResult> PostAsync(HttpRequest request)
    {
        using var body = await JsonDocument.ParseAsync(request.Body);
        if (body.RootElement.GetProperty("msgtype").GetString() != "text")
        {
            return Results.Json(new { errcode = 40008, errmsg = "invalid message type" });
        }

        Posts.Enqueue((request.Query["key"].ToString(), body.RootElement.GetProperty("text").GetProperty("content").GetString() ?? string.Empty));
        return Results.Json(new { errcode = 0, errmsg = "ok" });
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
