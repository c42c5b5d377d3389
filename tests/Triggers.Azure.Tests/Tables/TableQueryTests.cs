using Azure.Core;
using Triggers.Azure.Tables;
using Triggers.Testing;

namespace Triggers.Azure.Tests.Tables;

public sealed class TableQueryTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<TableClient> TableWithRowsAsync(int count, string partitionKey = "p")
    {
        var table = new TableServiceClient(azurite.Connection).GetTableClient(azurite.UniqueName());
        await table.CreateIfNotExistsAsync(Ct);
        for (var i = 0; i < count; i++)
        {
            await table.AddEntityAsync(new TableEntity(partitionKey, $"r{i:D3}") { ["N"] = i, ["Label"] = $"row {i}" }, Ct);
        }

        return table;
    }

    [Fact]
    public async Task Small_pages_are_followed_through_continuation_until_every_entity_is_back_in_order()
    {
        var seeded = await TableWithRowsAsync(25);
        var counter = new RequestCounter();
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var table = new TableServiceClient(azurite.Connection, options).GetTableClient(seeded.Name);

        var rows = await table.QueryAsync(null, null, pageSize: 10, Ct).ToListAsync(Ct);

        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"r{i:D3}"), rows.Select(r => r.RowKey));
        Assert.Equal(3, counter.Count);
    }

    [Fact]
    public async Task Filter_and_select_narrow_rows_and_columns()
    {
        var table = await TableWithRowsAsync(12);

        var rows = await table.QueryAsync("N ge 5 and N lt 8", ["N"], pageSize: 2, Ct).ToListAsync(Ct);

        Assert.Equal([5, 6, 7], rows.Select(r => r.GetInt32("N")!.Value));
        Assert.All(rows, r => Assert.False(r.ContainsKey("Label")));
        Assert.All(rows, r => Assert.NotEqual(default, r.ETag));
    }

    [Fact]
    public async Task Quoted_string_literals_match_values_containing_quotes()
    {
        var table = new TableServiceClient(azurite.Connection).GetTableClient(azurite.UniqueName());
        await table.CreateIfNotExistsAsync(Ct);
        await table.AddEntityAsync(new TableEntity("p", "1") { ["Name"] = "O'Brien" }, Ct);
        await table.AddEntityAsync(new TableEntity("p", "2") { ["Name"] = "Brien" }, Ct);

        var rows = await table.QueryAsync($"Name eq {TableFilter.Quote("O'Brien")}", null, null, Ct).ToListAsync(Ct);

        Assert.Equal("1", Assert.Single(rows).RowKey);
    }

    [Fact]
    public async Task A_query_matching_nothing_yields_nothing()
    {
        var table = await TableWithRowsAsync(3);

        var rows = await table.QueryAsync("PartitionKey eq 'other'", null, null, Ct).ToListAsync(Ct);

        Assert.Empty(rows);
    }

    [Fact]
    public async Task Querying_a_missing_table_fails_with_not_found()
    {
        var table = new TableServiceClient(azurite.Connection).GetTableClient(azurite.UniqueName());

        var error = await Assert.ThrowsAsync<Triggers.Azure.Storage.StorageRequestFailedException>(
            async () => await table.QueryAsync(null, null, null, Ct).ToListAsync(Ct));

        Assert.Equal(Triggers.Azure.Storage.StorageErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task A_page_size_outside_1_to_1000_is_refused()
    {
        var table = new TableServiceClient(azurite.Connection).GetTableClient("unused");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await table.QueryAsync(null, null, 1001, Ct).ToListAsync(Ct));
    }

    [Fact]
    public void Quote_doubles_single_quotes()
    {
        Assert.Equal("'O''Brien'", TableFilter.Quote("O'Brien"));
        Assert.Equal("''''", TableFilter.Quote("'"));
    }
}
