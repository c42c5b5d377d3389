using System.Text.Json.Nodes;

namespace Triggers.Platforms.Tests.Outbound.Fake;

/// <summary>A scripted reply: status, body, extra headers, and an optional wait before answering.</summary>
internal sealed record FakeReply(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default)
{
    /// <summary>The WeChat/WeCom business error shape, answered with HTTP 200 as those platforms do.</summary>
    public static FakeReply Error(int errcode, string errmsg) =>
        new(200, new JsonObject { ["errcode"] = errcode, ["errmsg"] = errmsg }.ToJsonString());

    public static FakeReply Json(JsonObject body) => new(200, body.ToJsonString());
}
