namespace Triggers.App.Processing;

public enum ProcessingOutcome
{
    Processed,
    Poisoned,
}
