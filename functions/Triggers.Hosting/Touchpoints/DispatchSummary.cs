namespace Triggers.Hosting.Touchpoints;

/// <summary>What one dispatch run did, for the log and the timer invocation's answer.</summary>
public sealed class DispatchSummary
{
    public const string Sent = "sent";
    public const string Deferred = "deferred";
    public const string Blocked = "blocked";
    public const string Cancelled = "cancelled";
    public const string Retried = "retried";
    public const string Failed = "failed";
    public const string Skipped = "skipped";

    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public int Total
    {
        get
        {
            lock (_counts)
            {
                return _counts.Values.Sum();
            }
        }
    }

    /// <summary>Events found pending in touchpoints' outboxes and published by this run.</summary>
    public int EventsRepublished { get; set; }

    public int this[string outcome]
    {
        get
        {
            lock (_counts)
            {
                return _counts.GetValueOrDefault(outcome);
            }
        }
    }

    /// <summary>Counts one outcome; safe from the dispatcher's concurrent sends.</summary>
    public void Add(string outcome)
    {
        lock (_counts)
        {
            _counts[outcome] = _counts.GetValueOrDefault(outcome) + 1;
        }
    }

    public override string ToString() =>
        $"{this[Sent]} sent, {this[Deferred]} deferred, {this[Blocked]} blocked, {this[Cancelled]} cancelled, {this[Retried]} to retry, {this[Failed]} failed, {this[Skipped]} skipped, {EventsRepublished} pending event(s) published";
}
