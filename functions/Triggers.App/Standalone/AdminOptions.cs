namespace Triggers.App.Standalone;

/// <summary>Settings under <c>Admin</c>.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>
    /// Standalone: the value callers must send in <c>x-functions-key</c>. Unset means the admin API is closed.
    /// Under the Functions host the host checks its own function keys instead.
    /// </summary>
    public string? Key { get; set; }
}
