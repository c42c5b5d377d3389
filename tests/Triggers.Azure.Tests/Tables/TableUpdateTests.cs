using Azure;
using Triggers.Azure.Storage;
using Triggers.Azure.Tables;
using Triggers.Testing;

namespace Triggers.Azure.Tests.Tables;

public sealed class TableUpdateTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<TableClient> NewTableAsync() => azurite.CreateTableAsync(Ct);

    [Fact]
    public async Task Update_with_the_current_etag_succeeds_and_with_a_stale_etag_fails_with_precondition_failed()
    {
        var table = await NewTableAsync();
        var first = await table.AddEntityAsync(new TableEntity("p", "r") { ["N"] = 1 }, Ct);

        var second = await table.UpdateEntityAsync(new TableEntity("p", "r") { ["N"] = 2 }, first, TableUpdateMode.Replace, Ct);
        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(
            () => table.UpdateEntityAsync(new TableEntity("p", "r") { ["N"] = 3 }, first, TableUpdateMode.Merge, Ct));

        Assert.NotEqual(first, second);
        Assert.Equal(StorageErrorKind.PreconditionFailed, error.Kind);
        Assert.Equal(412, error.Status);
        Assert.Equal(2, (await table.GetEntityAsync("p", "r", null, Ct))!.GetInt32("N"));
    }

    [Fact]
    public async Task Merge_keeps_other_properties_while_replace_drops_them()
    {
        var table = await NewTableAsync();
        var etag = await table.AddEntityAsync(new TableEntity("p", "r") { ["Keep"] = "k", ["Change"] = "old" }, Ct);

        etag = await table.UpdateEntityAsync(new TableEntity("p", "r") { ["Change"] = "merged" }, etag, TableUpdateMode.Merge, Ct);
        var merged = await table.GetEntityAsync("p", "r", null, Ct);
        await table.UpdateEntityAsync(new TableEntity("p", "r") { ["Change"] = "replaced" }, etag, TableUpdateMode.Replace, Ct);
        var replaced = await table.GetEntityAsync("p", "r", null, Ct);

        Assert.Equal("k", merged!.GetString("Keep"));
        Assert.Equal("merged", merged.GetString("Change"));
        Assert.Null(replaced!.GetString("Keep"));
        Assert.Equal("replaced", replaced.GetString("Change"));
    }

    [Theory]
    [InlineData(TableUpdateMode.Merge)]
    [InlineData(TableUpdateMode.Replace)]
    public async Task Unconditional_update_ignores_the_stored_version(TableUpdateMode mode)
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["N"] = 1 }, Ct);
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["N"] = 2 }, TableUpdateMode.Replace, Ct);

        var etag = await table.UpdateEntityAsync(new TableEntity("p", "r") { ["N"] = 3 }, ETag.All, mode, Ct);

        var stored = await table.GetEntityAsync("p", "r", null, Ct);
        Assert.Equal(3, stored!.GetInt32("N"));
        Assert.Equal(etag, stored.ETag);
    }

    [Fact]
    public async Task Updating_a_missing_entity_fails_with_not_found()
    {
        var table = await NewTableAsync();

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(
            () => table.UpdateEntityAsync(new TableEntity("p", "absent"), ETag.All, TableUpdateMode.Merge, Ct));

        Assert.Equal(StorageErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task Update_without_an_etag_is_refused_before_any_request()
    {
        var table = await NewTableAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => table.UpdateEntityAsync(new TableEntity("p", "r"), default, TableUpdateMode.Merge, Ct));

        Assert.Contains("ETag.All", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upsert_merge_inserts_then_keeps_other_properties()
    {
        var table = await NewTableAsync();

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = "a" }, TableUpdateMode.Merge, Ct);
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["B"] = "b" }, TableUpdateMode.Merge, Ct);

        var stored = await table.GetEntityAsync("p", "r", null, Ct);
        Assert.Equal("a", stored!.GetString("A"));
        Assert.Equal("b", stored.GetString("B"));
    }

    [Fact]
    public async Task Upsert_replace_inserts_then_drops_other_properties()
    {
        var table = await NewTableAsync();

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = "a" }, TableUpdateMode.Replace, Ct);
        var etag = await table.UpsertEntityAsync(new TableEntity("p", "r") { ["B"] = "b" }, TableUpdateMode.Replace, Ct);

        var stored = await table.GetEntityAsync("p", "r", null, Ct);
        Assert.False(stored!.ContainsKey("A"));
        Assert.Equal("b", stored.GetString("B"));
        Assert.Equal(etag, stored.ETag);
    }
}
