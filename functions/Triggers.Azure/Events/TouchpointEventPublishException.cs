namespace Triggers.Azure.Events;

/// <summary>Events could not be published; the message says why and what to do. They stay in the touchpoint's outbox.</summary>
public sealed class TouchpointEventPublishException : Exception
{
    public TouchpointEventPublishException()
    {
    }

    public TouchpointEventPublishException(string message)
        : base(message)
    {
    }

    public TouchpointEventPublishException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TouchpointEventPublishException(string message, bool isTransient, Exception innerException)
        : base(message, innerException) => IsTransient = isTransient;

    /// <summary>True when trying again later may succeed (the broker was busy or unreachable).</summary>
    public bool IsTransient { get; }
}
