namespace Triggers.Core.Processing;

public enum DedupeState
{
    /// <summary>Never seen: enqueue it.</summary>
    New,

    /// <summary>Seen, but its enqueue was never confirmed: enqueue it again.</summary>
    Unconfirmed,

    /// <summary>Already durably enqueued: acknowledge without enqueueing.</summary>
    Duplicate,
}
