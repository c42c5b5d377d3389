namespace Triggers.Hosting.ConfigTables;

/// <summary>One load of a staff-edited table.</summary>
public interface IConfigTableSnapshot
{
    /// <summary>When it was read (the cache's clock).</summary>
    DateTimeOffset LoadedAt { get; }
}
