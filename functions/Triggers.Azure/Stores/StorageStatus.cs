namespace Triggers.Azure.Stores;

/// <summary>The HTTP statuses the stores act on (a <c>RequestFailedException</c>'s <c>Status</c>).</summary>
internal static class StorageStatus
{
    /// <summary>Not there (any more); the SDK's deletes already treat this as success.</summary>
    public const int NotFound = 404;

    /// <summary>An add found the entity there already.</summary>
    public const int Conflict = 409;

    /// <summary>The ETag no longer matches: someone changed it since it was read.</summary>
    public const int PreconditionFailed = 412;
}
