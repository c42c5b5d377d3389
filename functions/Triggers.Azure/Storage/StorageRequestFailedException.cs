using Azure;

namespace Triggers.Azure.Storage;

/// <summary>
/// A Table or Queue request the service refused. <see cref="RequestFailedException.ErrorCode"/> holds the
/// service's code (e.g. <c>EntityAlreadyExists</c>), <see cref="Kind"/> its meaning.
/// </summary>
public sealed class StorageRequestFailedException : RequestFailedException
{
    public StorageRequestFailedException(string message)
        : base(message)
    {
    }

    public StorageRequestFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StorageRequestFailedException(
        int status, string message, string? errorCode, StorageErrorKind kind, int? failedOperationIndex = null)
        : base(status, message, errorCode, innerException: null)
    {
        Kind = kind;
        FailedOperationIndex = failedOperationIndex;
    }

    public StorageErrorKind Kind { get; }

    /// <summary>For a failed transaction, the 0-based index of the operation the service rejected.</summary>
    public int? FailedOperationIndex { get; }
}
