namespace Triggers.Hosting.ConfigTables;

/// <summary>A cache of a table that operations staff edit (Rules, Topics), re-read on an interval.</summary>
public interface IConfigTableCache
{
    /// <summary>The table it reads, for log messages.</summary>
    string TableName { get; }

    /// <summary>Reads the table now; keeps the last good content on failure when it has any.</summary>
    Task RefreshAsync(CancellationToken cancellationToken);
}
