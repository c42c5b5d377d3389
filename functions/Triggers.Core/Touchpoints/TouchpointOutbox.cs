using System.Globalization;

namespace Triggers.Core.Touchpoints;

/// <summary>
/// The outbox of touchpoint events, kept on the touchpoint itself. Every write of a touchpoint passes through
/// <see cref="Record"/>, so the event of a new outcome is stored in the same write as the outcome; a publisher then
/// publishes what is pending and clears it. An event type is recorded once per touchpoint: a retry that plans the
/// touchpoint again announces nothing, and a crash between the write and the publish leaves the event pending, not lost.
/// </summary>
public static class TouchpointOutbox
{
    /// <summary>The touchpoint with the event its status announces recorded and pending, unless it was recorded before.</summary>
    public static Touchpoint Record(Touchpoint touchpoint, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        var type = TouchpointEventTypes.ForStatus(touchpoint);
        if (type is null || Parse(touchpoint.RecordedEvents).Any(e => e.Type == type))
        {
            return touchpoint;
        }

        var entry = Format(new PendingEvent(type, now));
        return touchpoint with
        {
            RecordedEvents = Join(touchpoint.RecordedEvents, entry),
            PendingEvents = Join(touchpoint.PendingEvents, entry),
        };
    }

    /// <summary>The events recorded but not yet published, oldest first.</summary>
    public static IReadOnlyList<PendingEvent> Pending(Touchpoint touchpoint)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        return Parse(touchpoint.PendingEvents);
    }

    /// <summary>Every event recorded for the touchpoint, published or not, oldest first (the first announced its creation).</summary>
    public static IReadOnlyList<PendingEvent> Recorded(Touchpoint touchpoint)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        return Parse(touchpoint.RecordedEvents);
    }

    /// <summary>The touchpoint with <paramref name="published"/> no longer pending.</summary>
    public static Touchpoint Published(Touchpoint touchpoint, IEnumerable<PendingEvent> published)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        var done = published.Select(e => e.Type).ToHashSet(StringComparer.Ordinal);
        var left = Parse(touchpoint.PendingEvents).Where(e => !done.Contains(e.Type)).Select(Format).ToList();
        return touchpoint with { PendingEvents = left.Count == 0 ? null : string.Join(' ', left) };
    }

    /// <summary>The CloudEvent for one pending event of the touchpoint, as it stands now.</summary>
    public static TouchpointEvent EventOf(Touchpoint touchpoint, PendingEvent pending)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        ArgumentNullException.ThrowIfNull(pending);
        return TouchpointEvent.From(touchpoint, pending.Type, pending.At);
    }

    private static string Join(string? list, string entry) => string.IsNullOrEmpty(list) ? entry : list + " " + entry;

    private static string Format(PendingEvent e) => e.Type + "@" + e.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static List<PendingEvent> Parse(string? list)
    {
        var events = new List<PendingEvent>();
        foreach (var entry in (list ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = entry.IndexOf('@', StringComparison.Ordinal);
            if (at > 0 && DateTimeOffset.TryParse(entry.AsSpan(at + 1), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            {
                events.Add(new PendingEvent(entry[..at], time));
            }
        }

        return events;
    }
}

/// <summary>An event recorded in a touchpoint's outbox: its type and when its outcome was recorded.</summary>
public sealed record PendingEvent(string Type, DateTimeOffset At);
