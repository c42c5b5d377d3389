using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Triggers.Platforms.Tests.WeChat;

/// <summary>
/// Replays for the WeChat-style encrypted pushes (Official Account safe mode, WeCom, WeChat Shop, Xiaohongshu
/// mini-program). msg_signature covers token, timestamp, nonce and the Encrypt value only: the envelope around
/// Encrypt (its format, spacing, escapes, the ToUserName/AgentID beside it) is not signed, so these replays edit it.
/// </summary>
internal static class EnvelopeReplays
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="otherFormat">The status an envelope in the other format (XML for JSON) is refused with, or null when it is read.</param>
    public static IEnumerable<Replay> Envelope(int? otherFormat = null) =>
    [
        new("with the envelope's ToUserName removed", r => r.WithBody(Edit(Body(r), fields => fields.Remove("ToUserName")))),
        new("with the envelope reformatted", r => r.WithBody(Reformat(Body(r)))),
        new("with the envelope holding only Encrypt, in the other format", r => r.WithBody(OtherFormat(Body(r))), RefusedWith: otherFormat),
        new("with the envelope's ToUserName changed", r => r.WithBody(Edit(Body(r), fields => fields["ToUserName"] = "gh_someone_else")), RefusedWith: 400),
        new("with an unknown field added to the envelope", r => r.WithBody(Edit(Body(r), fields => fields["Replayed"] = "1")), RefusedWith: 400),
    ];

    /// <summary>Replays that change what msg_signature covers, or drop it: all refused with 401.</summary>
    public static IEnumerable<Replay> SignedChanges() =>
    [
        new("a byte of Encrypt changed", r => r.WithBody(Body(r).Replace(EncryptOf(Body(r)), Flip(EncryptOf(Body(r))), StringComparison.Ordinal)), RefusedWith: 401),
        new("the timestamp moved by one second", r => r.WithQuery("timestamp", (long.Parse(r.Query["timestamp"], CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture)), RefusedWith: 401),
        new("the nonce changed", r => r.WithQuery("nonce", "replayed-nonce"), RefusedWith: 401),
        new("msg_signature changed", r => r.WithQuery("msg_signature", new string('0', 40)), RefusedWith: 401),
        new("msg_signature removed", r => r.WithoutQuery("msg_signature"), RefusedWith: 401),
    ];

    public static string Body(WebhookRequest request) => Encoding.UTF8.GetString(request.Body.Span);

    /// <summary>The Encrypt value of an XML or JSON envelope (any key case, as WeCom's JSON spells it "encrypt").</summary>
    public static string EncryptOf(string body) =>
        Fields(body).Single(f => f.Key.Equals("Encrypt", StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The envelope with its top-level fields edited, in the same format; XML values go in CDATA.</summary>
    public static string Edit(string body, Action<Dictionary<string, string>> edit)
    {
        var fields = Fields(body);
        edit(fields);
        return IsJson(body) ? Json(fields) : Xml(fields);
    }

    private static Dictionary<string, string> Fields(string body)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (IsJson(body))
        {
            foreach (var (name, value) in JsonNode.Parse(body)!.AsObject())
            {
                fields[name] = value!.ToString();
            }
        }
        else
        {
            foreach (var element in XDocument.Parse(body).Root!.Elements())
            {
                fields[element.Name.LocalName] = element.Value;
            }
        }

        return fields;
    }

    private static string Reformat(string body) => IsJson(body)
        ? JsonNode.Parse(body)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true })
        : "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + XDocument.Parse(body).ToString(SaveOptions.None);

    private static string OtherFormat(string body)
    {
        var encrypt = EncryptOf(body);
        return IsJson(body) ? Xml(new() { ["Encrypt"] = encrypt }) : Json(new() { ["Encrypt"] = encrypt });
    }

    private static string Json(Dictionary<string, string> fields) => JsonSerializer.Serialize(fields, Relaxed);

    private static string Xml(Dictionary<string, string> fields) =>
        "<xml>" + string.Concat(fields.Select(f => $"<{f.Key}><![CDATA[{f.Value}]]></{f.Key}>")) + "</xml>";

    private static bool IsJson(string body) => body.TrimStart().StartsWith('{');

    private static string Flip(string base64) => (base64[0] == 'A' ? 'B' : 'A') + base64[1..];
}
