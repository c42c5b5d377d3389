using System.Text.Json;
using System.Text.Json.Nodes;

namespace Triggers.Platforms.Outbound.Http;

/// <summary>
/// The JSON every WeChat and WeCom API answers with: <c>errcode</c> (0 or absent for success), <c>errmsg</c>, and the
/// call's own fields. Both families answer HTTP 200 for business errors, so the errcode is what decides.
/// </summary>
internal sealed record WeixinReply(int ErrCode, string ErrMsg, JsonObject Body)
{
    public bool Ok => ErrCode == 0;

    /// <summary>"errcode 45015: response out of time limit…", for details.</summary>
    public string Describe() => $"errcode {ErrCode}: {(ErrMsg.Length > 200 ? ErrMsg[..200] + "…" : ErrMsg)}";

    public string? String(string name) =>
        Body[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    public long? Number(string name) =>
        Body[name] is JsonValue value && value.TryGetValue<long>(out var number) ? number : null;

    /// <summary>Null when the body is not a JSON object (a proxy's error page, a truncated reply).</summary>
    public static WeixinReply? Parse(string body)
    {
        try
        {
            if (JsonNode.Parse(body) is not JsonObject json)
            {
                return null;
            }

            var code = json["errcode"] is JsonValue value && value.TryGetValue<int>(out var number) ? number : 0;
            var message = json["errmsg"] is JsonValue text && text.TryGetValue<string>(out var words) ? words : string.Empty;
            return new WeixinReply(code, message, json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
