using Triggers.Core.Signals;

namespace Triggers.Platforms.Kuaishou;

/// <summary>
/// Signal kinds for Kuaishou event names. No official event list was found, so the kind is read from words
/// in the name (inferred): live-room comments are 弹幕 (danmaku), other comments comments, payments and
/// orders orders, refunds refunds; likes, gifts, authorisation and the rest stay events.
/// </summary>
public static class KuaishouEvents
{
    public static string Kind(string eventName)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        var name = eventName.ToLowerInvariant();
        if (Has(name, "danmaku") || Has(name, "barrage") || (Has(name, "live") && Has(name, "comment")))
        {
            return SignalKinds.Danmaku;
        }

        if (Has(name, "comment"))
        {
            return SignalKinds.Comment;
        }

        if (Has(name, "refund"))
        {
            return SignalKinds.Refund;
        }

        return Has(name, "pay") || Has(name, "order") ? SignalKinds.Order : SignalKinds.Event;
    }

    private static bool Has(string name, string word) => name.Contains(word, StringComparison.Ordinal);
}
