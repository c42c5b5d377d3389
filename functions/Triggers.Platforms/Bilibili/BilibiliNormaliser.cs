using System.Globalization;
using Triggers.Core.Signals;

namespace Triggers.Platforms.Bilibili;

/// <summary>Maps a live open-platform message onto a <see cref="Signal"/>: danmaku is "danmaku", everything else "event".</summary>
public static class BilibiliNormaliser
{
    public const string Danmaku = "LIVE_OPEN_PLATFORM_DM";
    public const string SuperChat = "LIVE_OPEN_PLATFORM_SUPER_CHAT";

    private static readonly string[] KeptFields =
    [
        "room_id", "open_id", "uid", "guard_level", "fans_medal_level", "fans_medal_name", "dm_type",
        "gift_id", "gift_name", "gift_num", "price", "paid", "rmb", "message_id", "guard_num", "guard_unit", "like_count",
    ];

    /// <param name="nonce">The request's x-bili-signature-nonce: the identity of a message that carries no msg_id.</param>
    /// <exception cref="PayloadFormatException">A danmaku without text or sender, or a timestamp that is not unix seconds.</exception>
    public static Signal ToSignal(BilibiliMessage message, string nonce, ChannelSettings channel, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(channel);

        var isDanmaku = message.Cmd == Danmaku;
        var actor = Actor(message);
        if (isDanmaku && (actor is null || message.Field("msg") is null))
        {
            throw new PayloadFormatException($"{Danmaku} data needs msg and the sender (open_id or uid)");
        }

        var dedupeKey = message.Field("msg_id") ?? $"{message.Cmd}:nonce:{nonce}";
        return new Signal
        {
            Id = SignalIds.Create(channel.Tenant, channel.Name, dedupeKey),
            Channel = channel.Name,
            Platform = BilibiliAdapter.PlatformName,
            Tenant = channel.Tenant,
            Kind = isDanmaku ? SignalKinds.Danmaku : SignalKinds.Event,
            Type = message.Cmd,
            Actor = actor ?? new SignalActor(message.Field("room_id") is { } room ? $"room:{room}" : "bilibili"),
            Text = message.Cmd switch
            {
                Danmaku => message.Field("msg"),
                SuperChat => message.Field("message"),
                _ => null,
            },
            OccurredAt = OccurredAt(message) ?? receivedAt,
            ReceivedAt = receivedAt,
            DedupeKey = dedupeKey,
            Raw = message.Text,
            RawFormat = "json",
            Attributes = KeptFields.Where(name => message.Field(name) is not null).ToDictionary(name => name, name => message.Field(name)!, StringComparer.Ordinal),
        };
    }

    // open_id replaced uid for privacy; uid 0 is what the newer platform sends in its place.
    private static SignalActor? Actor(BilibiliMessage message)
    {
        foreach (var read in new Func<string, string?>[] { message.Field, message.UserInfo })
        {
            var id = read("open_id") ?? (read("uid") is { } uid && uid != "0" ? uid : null);
            if (id is not null)
            {
                return new SignalActor(id, read("uname"));
            }
        }

        return null;
    }

    private static DateTimeOffset? OccurredAt(BilibiliMessage message)
    {
        if (message.Field("timestamp") is not { } timestamp)
        {
            return null;
        }

        return ReplayGuard.TryParseUnixSeconds(timestamp, out var at)
            ? at
            : throw new PayloadFormatException(string.Create(CultureInfo.InvariantCulture, $"data.timestamp '{(timestamp.Length > 20 ? timestamp[..20] + "…" : timestamp)}' is not unix seconds"));
    }
}
