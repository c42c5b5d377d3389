namespace Triggers.Hosting.Processing;

public enum ProcessingOutcome
{
    /// <summary>Done with.</summary>
    Processed,

    /// <summary>Moved to the poison queue with its error.</summary>
    Poisoned,

    /// <summary>Some signals of a group failed and were sent on in messages of their own; the rest are done.</summary>
    Failed,
}
