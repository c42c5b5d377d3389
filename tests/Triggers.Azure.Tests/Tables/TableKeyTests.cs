using Azure;
using Triggers.Azure.Tables;
using Triggers.Testing;

namespace Triggers.Azure.Tests.Tables;

public sealed class TableKeyTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<TableClient> NewTableAsync() => azurite.CreateTableAsync(Ct);

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
