namespace Triggers.Platforms;

/// <summary>
/// A body that cannot be read: malformed XML or JSON, a DTD, a missing field. The message says what and
/// where, so adapters can hand it straight back as a 400.
/// </summary>
public sealed class PayloadFormatException : FormatException
{
    public PayloadFormatException()
    {
    }

    public PayloadFormatException(string message)
        : base(message)
    {
    }

    public PayloadFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
