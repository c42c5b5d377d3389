using Triggers.Azure.Storage;
using Triggers.Azure.Tables;
using Triggers.Testing;

namespace Triggers.Azure.Tests.Tables;

public sealed class TableCreateAndReadTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<TableClient> NewTableAsync() => azurite.CreateTableAsync(Ct);

    [Fact]
    public async Task Create_if_not_exists_creates_once_then_reports_the_table_exists()
    {
        var table = new TableServiceClient(azurite.Connection).GetTableClient(azurite.UniqueName());

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
        var table = new TableServiceClient(azurite.Connection).GetTableClient(azurite.UniqueName());

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
}
