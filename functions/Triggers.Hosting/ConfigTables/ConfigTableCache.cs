using Microsoft.Extensions.Options;
using Triggers.Hosting.Processing;

namespace Triggers.Hosting.ConfigTables;

/// <summary>
/// What every cache of a staff-edited table (Rules, Topics) shares: the last load, read again when older than
/// Processing:RulesRefreshInterval, one reader at a time, and the last good load kept in use when a read fails.
/// </summary>
public abstract partial class ConfigTableCache<TSnapshot>(IOptions<ProcessingOptions> options, TimeProvider time, ILogger logger) : IConfigTableCache
    where TSnapshot : class, IConfigTableSnapshot
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile TSnapshot? _snapshot;

    public abstract string TableName { get; }

    /// <summary>The last load, or null before the first.</summary>
    public TSnapshot? Current => _snapshot;

    protected TimeProvider Time => time;

    /// <summary>
    /// When the load in progress began reading: a snapshot is stamped with it, not with when the read ended, so a row
    /// written while a slow read was in flight counts as not yet read, and the next refresh reads it.
    /// </summary>
    protected DateTimeOffset ReadStartedAt { get; private set; }

    /// <summary>Reads the table now. Throws only if nothing was ever loaded.</summary>
    public async Task<TSnapshot> RefreshAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ReadStartedAt = time.GetUtcNow();
            var snapshot = await LoadAsync(_snapshot, cancellationToken);
            _snapshot = snapshot;

            // In use before the follow-up work, so nothing decides on the old content meanwhile.
            await OnLoadedAsync(snapshot, cancellationToken);
            return snapshot;
        }
        catch (Exception ex) when (_snapshot is not null && !cancellationToken.IsCancellationRequested)
        {
            Log.RefreshFailed(logger, TableName, ex.Message);
            return _snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    Task IConfigTableCache.RefreshAsync(CancellationToken cancellationToken) => RefreshAsync(cancellationToken);

    /// <summary>The last load, read again first when it is older than the refresh interval.</summary>
    protected async ValueTask<TSnapshot> FreshAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        return snapshot is not null && time.GetUtcNow() - snapshot.LoadedAt < options.Value.RulesRefreshInterval
            ? snapshot
            : await RefreshAsync(cancellationToken);
    }

    /// <summary>The broken rows to report after a load: those the previous load did not have (each is logged once, not every refresh).</summary>
    protected static IEnumerable<TProblem> NewProblems<TProblem>(IEnumerable<TProblem> problems, IReadOnlyList<TProblem>? before) =>
        before is null ? problems : problems.Where(p => !before.Contains(p));

    /// <summary>Reads and compiles the table, reporting what changed since <paramref name="previous"/>; throws when the read fails.</summary>
    protected abstract Task<TSnapshot> LoadAsync(TSnapshot? previous, CancellationToken cancellationToken);

    /// <summary>Work that follows a load once its snapshot is in use (rule history, retiring rules); it handles its own failures.</summary>
    protected virtual Task OnLoadedAsync(TSnapshot snapshot, CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Reading table {Table} failed; keeping the last loaded content: {Reason}")]
        public static partial void RefreshFailed(ILogger logger, string table, string reason);
    }
}
