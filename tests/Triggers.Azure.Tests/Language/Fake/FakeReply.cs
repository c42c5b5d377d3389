using System.Text.Json.Nodes;

namespace Triggers.Azure.Tests.Language.Fake;

/// <summary>A scripted reply: status, JSON body and extra headers.</summary>
internal sealed record FakeReply(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>The documented request-level error body: <c>{"error":{"code","message","innererror":{"code","message"}}}</c>.</summary>
    public static FakeReply Error(int status, string code, string message, string? innerCode = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (innerCode is not null)
        {
            error["innererror"] = new JsonObject { ["code"] = innerCode, ["message"] = message };
        }

        return new FakeReply(status, new JsonObject { ["error"] = error }.ToJsonString(), headers);
    }
}
