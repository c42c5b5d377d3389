namespace Triggers.Hosting.Storage;

/// <summary>Whether the tables and queues exist yet, and why not.</summary>
public sealed class StorageReadiness
{
    private volatile string? _problem = "storage not initialised yet";

    public bool IsReady => _problem is null;

    public string? Problem => _problem;

    public void MarkReady() => _problem = null;

    public void MarkFailed(string problem) => _problem = problem;
}
