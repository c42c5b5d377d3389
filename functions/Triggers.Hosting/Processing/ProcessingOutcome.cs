namespace Triggers.Hosting.Processing;

public enum ProcessingOutcome
{
    Processed,
    Poisoned,
}
