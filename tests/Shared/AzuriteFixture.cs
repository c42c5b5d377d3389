using Triggers.Azure.Emulator;
using Azure.Storage.Queues;
using Triggers.Azure.Storage;
using Azure.Data.Tables;

namespace Triggers.Testing;

/// <summary>
/// One private, in-memory Azurite for a whole test assembly, started from the repository's pinned package
/// (installed on first use). Register it with <c>[assembly: AssemblyFixture(typeof(AzuriteFixture))]</c>
/// and take it in a test class constructor.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteLauncher? _launcher;

    public AzuriteLauncher Launcher => _launcher ?? throw new InvalidOperationException("Azurite has not started yet.");

    /// <summary>An explicit connection string for this Azurite's ports.</summary>
    public string ConnectionString => Launcher.ConnectionString;

    public StorageConnection Connection => Launcher.Connection;

    /// <summary>
    /// A name no other test uses, valid both as a table name and as a queue name:
    /// <paramref name="prefix"/> (lowercase letters) followed by 32 lowercase hex digits.
    /// </summary>
    public string UniqueName(string prefix = "t")
    {
        if (prefix.Length is 0 or > 30 || !prefix.All(char.IsAsciiLetterLower))
        {
            throw new ArgumentException("Use 1-30 lowercase letters as the prefix.", nameof(prefix));
        }

        return prefix + Guid.NewGuid().ToString("N");
    }

    /// <summary>A new, empty table of its own for one test.</summary>
    public async Task<TableClient> CreateTableAsync(CancellationToken cancellationToken)
    {
        var table = Connection.CreateTableServiceClient().GetTableClient(UniqueName());
        await table.CreateIfNotExistsAsync(cancellationToken);
        return table;
    }

    /// <summary>A new, empty queue of its own for one test.</summary>
    public async Task<QueueClient> CreateQueueAsync(CancellationToken cancellationToken)
    {
        var queue = Connection.CreateQueueServiceClient().GetQueueClient(UniqueName("q"));
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        return queue;
    }

    public async ValueTask InitializeAsync() =>
        _launcher = await AzuriteLauncher.StartIsolatedAsync(logger: null, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_launcher is not null)
        {
            await _launcher.DisposeAsync();
        }
    }
}
