using System.Globalization;

namespace Triggers.Platforms;

/// <summary>Rejects signed timestamps too far from the receive time, so a captured request cannot be replayed later.</summary>
public static class ReplayGuard
{
    /// <summary>Parses unix seconds as platforms send them; false for anything else.</summary>
    public static bool TryParseUnixSeconds(string value, out DateTimeOffset instant)
    {
        instant = default;
        if (!long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        instant = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }

    /// <summary>A 401 when <paramref name="signedAt"/> is outside <paramref name="window"/> of <paramref name="receivedAt"/>, else null.</summary>
    public static WebhookRejected? Check(string timestamp, DateTimeOffset signedAt, DateTimeOffset receivedAt, TimeSpan window)
    {
        var skew = (receivedAt - signedAt).Duration();
        if (skew <= window)
        {
            return null;
        }

        var signed = signedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var received = receivedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return new WebhookRejected(
            401,
            $"timestamp {timestamp} ({signed}) is outside the replay window of {window.ToString("c", CultureInfo.InvariantCulture)} " +
            $"around the receive time {received}; check the server clock or widen Webhooks:ReplayWindow");
    }
}
