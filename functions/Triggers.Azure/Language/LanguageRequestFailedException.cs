using Azure;

namespace Triggers.Azure.Language;

/// <summary>
/// A request the Language service refused as a whole (<c>{"error":{"code","message","innererror"}}</c>).
/// <see cref="RequestFailedException.ErrorCode"/> is the error's code (e.g. InvalidRequest), <see cref="InnerErrorCode"/>
/// the inner one (e.g. InvalidDocumentBatch).
/// </summary>
public sealed class LanguageRequestFailedException : RequestFailedException
{
    public LanguageRequestFailedException(string message)
        : base(message)
    {
    }

    public LanguageRequestFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LanguageRequestFailedException(int status, string message, string? errorCode, string? innerErrorCode)
        : base(status, message, errorCode, innerException: null)
    {
        InnerErrorCode = innerErrorCode;
    }

    public string? InnerErrorCode { get; }
}
