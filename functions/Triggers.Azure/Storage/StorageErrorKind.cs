namespace Triggers.Azure.Storage;

/// <summary>What a storage failure means to the caller, whatever the service's exact code.</summary>
public enum StorageErrorKind
{
    Other,
    NotFound,
    AlreadyExists,
    /// <summary>A stale ETag (UpdateConditionNotSatisfied, ConditionNotMet) or a stale pop receipt (PopReceiptMismatch).</summary>
    PreconditionFailed,
    Throttled,
    ServerBusy,
    BadRequest,
    Forbidden,
}
