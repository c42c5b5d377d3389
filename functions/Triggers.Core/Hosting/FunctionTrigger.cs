namespace Triggers.Core.Hosting;

/// <summary>How the Functions host starts a function.</summary>
public enum FunctionTrigger
{
    Http,
    Queue,
    Timer,
    ServiceBus,
}
