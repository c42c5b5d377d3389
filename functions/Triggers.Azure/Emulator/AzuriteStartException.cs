namespace Triggers.Azure.Emulator;

/// <summary>Azurite could not be started; the message quotes its output.</summary>
public sealed class AzuriteStartException : InvalidOperationException
{
    public AzuriteStartException()
    {
    }

    public AzuriteStartException(string message)
        : base(message)
    {
    }

    public AzuriteStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal AzuriteStartException(string message, bool portInUse)
        : base(message) => PortInUse = portInUse;

    internal bool PortInUse { get; }
}
