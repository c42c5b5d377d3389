using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Triggers.Core.Signals;

namespace Triggers.Platforms.Douyin;

/// <summary>Maps a verified Douyin event onto the common <see cref="Signal"/> shape.</summary>
public static class DouyinNormaliser
{
    private static readonly HashSet<string> ReceivedMessages = new(StringComparer.Ordinal) { "im_receive_msg", "receive_msg", "im_group_receive_msg" };
    private static readonly HashSet<string> SentMessages = new(StringComparer.Ordinal) { "im_send_msg", "im_group_send_msg" };

    /// <param name="messageId">The Msg-Id header, or null when the push had none: kept as an attribute, never as the dedupe key.</param>
    /// <exception cref="PayloadFormatException">A time field is present but not a unix time.</exception>
    public static Signal ToSignal(DouyinPayload payload, string? messageId, ChannelSettings channel, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(channel);

        var content = payload.Content;
        var kind = Kind(payload);
        var occurredAt = DouyinJson.Time(content, "create_time", "content")
            ?? DouyinJson.Time(content, "action_time", "content")
            ?? DouyinJson.Time(content, "msg_time", "content")
            ?? receivedAt;

        var dedupeKey = SignedIdentity(payload.Text);

        return new Signal
        {
            Id = SignalIds.Create(channel.Tenant, channel.Name, dedupeKey),
            Channel = channel.Name,
            Platform = DouyinAdapter.PlatformName,
            Tenant = channel.Tenant,
            Kind = kind,
            Type = payload.Event,
            Actor = new SignalActor(Actor(payload, kind)),
            Text = Text(content, kind),
            OccurredAt = occurredAt,
            ReceivedAt = receivedAt,
            DedupeKey = dedupeKey,
            Raw = payload.Text,
            RawFormat = "json",
            Attributes = DouyinAttributes.Of(payload, messageId),
        };
    }

    /// <summary>
    /// The dedupe key, from the signed body alone: a SHA-256 of the body without its <c>log_id</c>. Douyin asks receivers to
    /// dedupe on the <c>Msg-Id</c> header, but the signature does not cover headers, so anyone who saw one request could
    /// resend it with a new <c>Msg-Id</c> and double its effects. The body names the event, its users and its content
    /// with their times and ids, so two genuine events never share it, while a retry of one push (whatever its log id)
    /// and a replay with any headers do.
    /// </summary>
    internal static string SignedIdentity(string body)
    {
        var node = JsonNode.Parse(body);
        if (node is JsonObject envelope)
        {
            envelope.Remove("log_id");
        }

        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(node?.ToJsonString() ?? body)));
    }

    private static string Kind(DouyinPayload payload)
    {
        var name = payload.Event;
        if (ReceivedMessages.Contains(name))
        {
            return SignalKinds.Message;
        }

        if (SentMessages.Contains(name))
        {
            return SignalKinds.AgentMessage;
        }

        return name switch
        {
            // The docs define only action_type 1 (关注); anything else is kept as a plain event rather than guessed.
            "new_follow_action" => DouyinJson.Text(payload.Content, "action_type") is null or "1" ? SignalKinds.Follow : SignalKinds.Event,
            "life_trade_order_notify" => SignalKinds.Order,
            _ when name.Contains("comment", StringComparison.Ordinal) => SignalKinds.Comment,
            _ => SignalKinds.Event,
        };
    }

    // The contact: the sender, except for messages the account itself sent (the recipient) and comments
    // (the commenter). Events with no user fall back to the app's client_key.
    private static string Actor(DouyinPayload payload, string kind)
    {
        var preferred = kind switch
        {
            SignalKinds.AgentMessage => payload.ToUserId,
            SignalKinds.Comment => DouyinJson.Text(payload.Content, "comment_user_id"),
            _ => null,
        };
        return preferred ?? payload.FromUserId ?? DouyinJson.Text(payload.Content, "open_id") ?? payload.ClientKey ?? "unknown";
    }

    private static string? Text(JsonElement? content, string kind)
    {
        switch (kind)
        {
            case SignalKinds.Message or SignalKinds.AgentMessage:
                var type = DouyinJson.Text(content, "message_type");
                var text = DouyinJson.Text(content, "text");
                return type is null or "text" ? text ?? string.Empty : text ?? $"[{type}]";
            case SignalKinds.Comment:
                return DouyinJson.Text(content, "content") ?? DouyinJson.Text(content, "text") ?? string.Empty;
            default:
                return null;
        }
    }
}
