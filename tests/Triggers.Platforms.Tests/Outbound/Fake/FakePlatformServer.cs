using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Triggers.Platforms.Tests.Outbound.Fake;

/// <summary>
/// A local stand-in for the WeChat and WeCom APIs and a brand's webhook receiver, on Kestrel (127.0.0.1, a free
/// port). Unscripted, it behaves as the platforms document: it issues tokens only for the right credentials, accepts
/// sends only with a token it issued and still considers valid, and checks each body's shape, answering with the
/// platform's errcodes otherwise. Tests script exceptions per path and read back every request.
/// </summary>
internal sealed class FakePlatformServer : IAsyncDisposable
{
    public const string AppId = "wx5d3f0c21a9b8e7f6";
    public const string AppSecret = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    public const string CorpId = "ww1436e0e65a779aee";
    public const string CorpSecret = "contact-secret-of-the-corp-0001";
    public const string RobotKey = "693a91f6-7aoc-4bc4-97a0-0ec2sifa5aaa";

    public const string StableTokenPath = "/cgi-bin/stable_token";
    public const string CustomSendPath = "/cgi-bin/message/custom/send";
    public const string GetTokenPath = "/cgi-bin/gettoken";
    public const string MessageTemplatePath = "/cgi-bin/externalcontact/add_msg_template";
    public const string RobotPath = "/cgi-bin/webhook/send";
    public const string HookPath = "/hooks/touchpoints";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeReply>> _script = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, bool> _validTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _expiredTokens = new(StringComparer.Ordinal);
    private int _issued;

    private FakePlatformServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public Uri HookUrl => new(BaseUrl, HookPath);

    /// <summary>How long the token endpoints take to answer, so concurrent senders overlap on one fetch.</summary>
    public TimeSpan TokenDelay { get; set; }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<FakePlatformServer> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var server = new FakePlatformServer(builder.Build());
        server._app.Run(server.HandleAsync);
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address);
        return server;
    }

    public IReadOnlyList<RecordedRequest> To(string path) => [.. _requests.Where(r => r.Path == path)];

    /// <summary>The next request to <paramref name="path"/> (after earlier scripted ones) gets this reply, unchecked.</summary>
    public void Enqueue(string path, FakeReply reply) => _script.GetOrAdd(path, _ => new ConcurrentQueue<FakeReply>()).Enqueue(reply);

    /// <summary>Every token issued so far now answers 42001 (access_token expired), as after WeChat rotates it.</summary>
    public void ExpireIssuedTokens()
    {
        foreach (var token in _validTokens.Keys)
        {
            _validTokens.TryRemove(token, out _);
            _expiredTokens[token] = true;
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var bytes = buffer.ToArray();
        JsonNode? json = null;
        try
        {
            json = bytes.Length > 0 ? JsonNode.Parse(bytes) : null;
        }
        catch (JsonException)
        {
            // recorded as null; the default handlers answer it as malformed
        }

        var request = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? string.Empty,
            context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            bytes,
            json);
        _requests.Enqueue(request);

        if (request.Path is StableTokenPath or GetTokenPath && TokenDelay > TimeSpan.Zero)
        {
            await Task.Delay(TokenDelay, context.RequestAborted);
        }

        var reply = _script.TryGetValue(request.Path, out var queue) && queue.TryDequeue(out var scripted) ? scripted : Answer(request);
        if (reply.Delay > TimeSpan.Zero)
        {
            await Task.Delay(reply.Delay, context.RequestAborted);
        }

        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json; charset=utf-8";
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(reply.Body, Encoding.UTF8, context.RequestAborted);
    }

    private FakeReply Answer(RecordedRequest request) => (request.Method, request.Path) switch
    {
        ("POST", StableTokenPath) => StableToken(request),
        ("POST", CustomSendPath) => CustomSend(request),
        ("GET", GetTokenPath) => GetToken(request),
        ("POST", MessageTemplatePath) => MessageTemplate(request),
        ("POST", RobotPath) => Robot(request),
        ("POST", HookPath) => new FakeReply(204, string.Empty),
        _ => new FakeReply(404, """{"errcode":404,"errmsg":"not found"}"""),
    };

    private FakeReply StableToken(RecordedRequest request)
    {
        var body = request.Json as JsonObject;
        if (!IsJson(request) || body is null || Text(body, "grant_type") != "client_credential" || body["force_refresh"] is not JsonValue force || !force.TryGetValue<bool>(out var refresh) || refresh)
        {
            return FakeReply.Error(40002, "invalid grant_type");
        }

        if (Text(body, "appid") != AppId)
        {
            return FakeReply.Error(40013, "invalid appid");
        }

        return Text(body, "secret") != AppSecret ? FakeReply.Error(40125, "invalid appsecret") : Issue("wechat", withErrcode: false);
    }

    private FakeReply GetToken(RecordedRequest request)
    {
        if (request.QueryValue("corpid") != CorpId)
        {
            return FakeReply.Error(40013, "invalid corpid");
        }

        return request.QueryValue("corpsecret") != CorpSecret ? FakeReply.Error(40001, "invalid credential") : Issue("wecom", withErrcode: true);
    }

    private FakeReply CustomSend(RecordedRequest request)
    {
        if (TokenProblem(request, invalidCode: 40001) is { } problem)
        {
            return problem;
        }

        var body = request.Json as JsonObject;
        return IsJson(request) && body is not null && Text(body, "touser") is { Length: > 0 } && Text(body, "msgtype") == "text"
               && body["text"] is JsonObject text && Text(text, "content") is { Length: > 0 }
            ? FakeReply.Error(0, "ok")
            : FakeReply.Error(44002, "empty post data");
    }

    private FakeReply MessageTemplate(RecordedRequest request)
    {
        if (TokenProblem(request, invalidCode: 40014) is { } problem)
        {
            return problem;
        }

        var body = request.Json as JsonObject;
        var valid = IsJson(request) && body is not null && Text(body, "chat_type") == "single"
                    && body["external_userid"] is JsonArray { Count: > 0 } && Text(body, "sender") is { Length: > 0 }
                    && body["text"] is JsonObject text && Text(text, "content") is { Length: > 0 };
        return valid
            ? FakeReply.Json(new JsonObject { ["errcode"] = 0, ["errmsg"] = "ok", ["fail_list"] = new JsonArray(), ["msgid"] = "msgGCAAAXtWyujaWJHDDGi0mAAAA" })
            : FakeReply.Error(41033, "missing external_userid");
    }

    private static FakeReply Robot(RecordedRequest request)
    {
        if (request.QueryValue("key") != RobotKey)
        {
            return FakeReply.Error(93000, "invalid webhook url");
        }

        var body = request.Json as JsonObject;
        return IsJson(request) && body is not null && Text(body, "msgtype") == "text" && body["text"] is JsonObject text && Text(text, "content") is { Length: > 0 }
            ? FakeReply.Error(0, "ok")
            : FakeReply.Error(40008, "invalid message type");
    }

    private FakeReply? TokenProblem(RecordedRequest request, int invalidCode)
    {
        var token = request.QueryValue("access_token");
        if (token is not null && _validTokens.ContainsKey(token))
        {
            return null;
        }

        return token is not null && _expiredTokens.ContainsKey(token)
            ? FakeReply.Error(42001, "access_token expired")
            : FakeReply.Error(invalidCode, "invalid credential, access_token is invalid or not latest");
    }

    private FakeReply Issue(string platform, bool withErrcode)
    {
        var token = $"{platform}-token-{Interlocked.Increment(ref _issued)}";
        _validTokens[token] = true;
        var body = new JsonObject();
        if (withErrcode)
        {
            body["errcode"] = 0;
            body["errmsg"] = "ok";
        }

        body["access_token"] = token;
        body["expires_in"] = 7200;
        return FakeReply.Json(body);
    }

    private static bool IsJson(RecordedRequest request) =>
        request.Header("Content-Type")?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true;

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
