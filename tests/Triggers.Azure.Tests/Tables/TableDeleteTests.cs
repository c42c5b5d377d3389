using Azure;
using Triggers.Azure.Storage;
using Triggers.Azure.Tables;
using Triggers.Testing;

namespace Triggers.Azure.Tests.Tables;

public sealed class TableDeleteTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<TableClient> NewTableAsync() => azurite.CreateTableAsync(Ct);

    [Fact]
    public async Task Delete_with_a_stale_etag_fails_with_precondition_failed_and_keeps_the_entity()
    {
        var table = await NewTableAsync();
        var stale = await table.AddEntityAsync(new TableEntity("p", "r"), Ct);
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["N"] = 1 }, TableUpdateMode.Merge, Ct);

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => table.DeleteEntityAsync("p", "r", stale, Ct));

        Assert.Equal(StorageErrorKind.PreconditionFailed, error.Kind);
        Assert.NotNull(await table.GetEntityAsync("p", "r", null, Ct));
    }

    [Fact]
    public async Task Delete_with_the_current_etag_or_etag_all_removes_the_entity()
    {
        var table = await NewTableAsync();
        var etag = await table.AddEntityAsync(new TableEntity("p", "a"), Ct);
        await table.AddEntityAsync(new TableEntity("p", "b"), Ct);

        await table.DeleteEntityAsync("p", "a", etag, Ct);
        await table.DeleteEntityAsync("p", "b", ETag.All, Ct);

        Assert.Null(await table.GetEntityAsync("p", "a", null, Ct));
        Assert.Null(await table.GetEntityAsync("p", "b", null, Ct));
    }

    [Fact]
    public async Task Deleting_a_missing_entity_fails_with_not_found()
    {
        var table = await NewTableAsync();

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => table.DeleteEntityAsync("p", "absent", ETag.All, Ct));

        Assert.Equal(StorageErrorKind.NotFound, error.Kind);
        Assert.Equal(404, error.Status);
        Assert.Contains("absent", error.Message, StringComparison.Ordinal);
    }
}
