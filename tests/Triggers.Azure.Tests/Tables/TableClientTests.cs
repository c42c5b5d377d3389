using Azure;
using Triggers.Azure.Storage;
using Triggers.Azure.Tables;
using Triggers.Testing;

namespace Triggers.Azure.Tests.Tables;

public sealed class TableClientTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<TableClient> NewTableAsync()
    {
        var table = new TableServiceClient(azurite.Connection).GetTableClient(AzuriteFixture.UniqueName());
        await table.CreateIfNotExistsAsync(Ct);
        return table;
    }

    [Fact]
    public async Task Create_if_not_exists_creates_once_then_reports_the_table_exists()
    {
        var table = new TableServiceClient(azurite.Connection).GetTableClient(AzuriteFixture.UniqueName());

        Assert.True(await table.CreateIfNotExistsAsync(Ct));
        Assert.False(await table.CreateIfNotExistsAsync(Ct));
    }

    [Fact]
    public async Task Ping_succeeds_against_a_running_emulator()
    {
        await new TableServiceClient(azurite.Connection).PingAsync(Ct);
    }

    [Fact]
    public async Task Adding_an_entity_twice_fails_with_already_exists()
    {
        var table = await NewTableAsync();
        var etag = await table.AddEntityAsync(new TableEntity("p", "r") { ["Name"] = "first" }, Ct);

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(
            () => table.AddEntityAsync(new TableEntity("p", "r") { ["Name"] = "second" }, Ct));

        Assert.NotEqual(default, etag);
        Assert.Equal(StorageErrorKind.AlreadyExists, error.Kind);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        Assert.Equal(409, error.Status);
        Assert.Equal("first", (await table.GetEntityAsync("p", "r", null, Ct))!.GetString("Name"));
    }

    [Fact]
    public async Task Getting_a_missing_entity_returns_null()
    {
        var table = await NewTableAsync();

        Assert.Null(await table.GetEntityAsync("p", "missing", null, Ct));
    }

    [Fact]
    public async Task Getting_from_a_missing_table_fails_with_not_found_instead_of_returning_null()
    {
        var table = new TableServiceClient(azurite.Connection).GetTableClient(AzuriteFixture.UniqueName());

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => table.GetEntityAsync("p", "r", null, Ct));

        Assert.Equal(StorageErrorKind.NotFound, error.Kind);
        Assert.Equal("TableNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task Get_returns_the_entity_with_its_etag_and_timestamp()
    {
        var table = await NewTableAsync();
        var etag = await table.AddEntityAsync(new TableEntity("p", "r") { ["Name"] = "x" }, Ct);

        var entity = await table.GetEntityAsync("p", "r", null, Ct);

        Assert.NotNull(entity);
        Assert.Equal(etag, entity.ETag);
        Assert.NotNull(entity.Timestamp);
        Assert.Equal("p", entity.PartitionKey);
        Assert.Equal("r", entity.RowKey);
    }

    [Fact]
    public async Task Get_with_select_returns_only_the_chosen_properties()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" }, Ct);

        var entity = await table.GetEntityAsync("p", "r", ["A"], Ct);

        Assert.NotNull(entity);
        Assert.Equal("a", entity.GetString("A"));
        Assert.False(entity.ContainsKey("B"));
    }

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

    [Theory]
    [InlineData("O'Brien", "it's")]
    [InlineData("with space", "100% & more")]
    [InlineData("ünïcødé", "中文键")]
    [InlineData("", "empty partition")]
    public async Task Keys_needing_quoting_or_percent_encoding_round_trip(string partitionKey, string rowKey)
    {
        var table = await NewTableAsync();

        var etag = await table.AddEntityAsync(new TableEntity(partitionKey, rowKey) { ["V"] = 1 }, Ct);
        var read = await table.GetEntityAsync(partitionKey, rowKey, null, Ct);
        await table.UpdateEntityAsync(new TableEntity(partitionKey, rowKey) { ["V"] = 2 }, etag, TableUpdateMode.Merge, Ct);
        await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, Ct);

        Assert.Equal(1, read!.GetInt32("V"));
        Assert.Null(await table.GetEntityAsync(partitionKey, rowKey, null, Ct));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\tb")]
    [InlineData("a\u007fb")]
    public async Task Keys_with_forbidden_characters_are_refused_with_a_clear_message(string key)
    {
        var table = new TableServiceClient(azurite.Connection).GetTableClient("unused");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity("p", key), Ct));

        Assert.Contains("RowKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("may not contain", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1table")]
    [InlineData("has-dash")]
    [InlineData("tables")]
    public void Invalid_table_names_are_refused(string name)
    {
        var service = new TableServiceClient(azurite.Connection);

        var error = Assert.Throws<ArgumentException>(() => service.GetTableClient(name));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }
}
