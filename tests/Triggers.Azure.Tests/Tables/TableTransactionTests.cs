using Triggers.Azure.Storage;
using Triggers.Azure.Tables;
using Triggers.Testing;

namespace Triggers.Azure.Tests.Tables;

public sealed class TableTransactionTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<TableClient> NewTableAsync() => azurite.CreateTableAsync(Ct);

    private static TableTransactionAction Add(string partitionKey, string rowKey) =>
        new(TableTransactionActionType.Add, new TableEntity(partitionKey, rowKey) { ["V"] = rowKey });

    [Fact]
    public async Task A_hundred_operation_transaction_is_applied_whole()
    {
        var table = await NewTableAsync();
        var actions = Enumerable.Range(0, 100).Select(i => Add("p", $"r{i:D3}")).ToList();

        var etags = await table.SubmitTransactionAsync(actions, Ct);

        Assert.Equal(100, etags.Count);
        Assert.All(etags, e => Assert.NotNull(e));
        var stored = await table.QueryAsync(null, null, null, Ct).ToListAsync(Ct);
        Assert.Equal(100, stored.Count);
        Assert.Equal(stored.Single(s => s.RowKey == "r042").ETag, etags[42]);
    }

    [Fact]
    public async Task Every_action_type_applies_in_one_transaction()
    {
        var table = await NewTableAsync();
        var mergeTag = await table.AddEntityAsync(new TableEntity("p", "merge") { ["Keep"] = "k" }, Ct);
        await table.AddEntityAsync(new TableEntity("p", "replace") { ["Drop"] = "d" }, Ct);
        await table.AddEntityAsync(new TableEntity("p", "upsertmerge") { ["Keep"] = "k" }, Ct);
        await table.AddEntityAsync(new TableEntity("p", "delete"), Ct);

        var etags = await table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.Add, new TableEntity("p", "add") { ["V"] = 1 }),
                new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "merge") { ["V"] = 2 }, mergeTag),
                new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "replace") { ["V"] = 3 }),
                new(TableTransactionActionType.UpsertMerge, new TableEntity("p", "upsertmerge") { ["V"] = 4 }),
                new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "upsertreplace") { ["V"] = 5 }),
                new(TableTransactionActionType.Delete, new TableEntity("p", "delete")),
            ],
            Ct);

        var stored = (await table.QueryAsync(null, null, null, Ct).ToListAsync(Ct)).ToDictionary(e => e.RowKey);
        Assert.Equal(6, etags.Count);
        Assert.All(etags.Take(5), e => Assert.NotNull(e));
        Assert.Null(etags[5]);
        Assert.Equal(["add", "merge", "replace", "upsertmerge", "upsertreplace"], stored.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("k", stored["merge"].GetString("Keep"));
        Assert.False(stored["replace"].ContainsKey("Drop"));
        Assert.Equal("k", stored["upsertmerge"].GetString("Keep"));
        Assert.Equal(5, stored["upsertreplace"].GetInt32("V"));
    }

    [Fact]
    public async Task Keys_needing_encoding_work_inside_a_transaction_of_one_or_more_operations()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("O'Brien & co", "it's 100%") { ["Keep"] = "k" }, Ct);

        await table.SubmitTransactionAsync([new(TableTransactionActionType.Delete, new TableEntity("O'Brien & co", "it's 100%"))], Ct);
        await table.SubmitTransactionAsync(
            [
                Add("O'Brien & co", "ünïcødé"),
                new(TableTransactionActionType.UpsertMerge, new TableEntity("O'Brien & co", "a b") { ["V"] = 1 }),
            ],
            Ct);

        var stored = await table.QueryAsync(null, null, null, Ct).ToListAsync(Ct);
        Assert.Equal(["a b", "ünïcødé"], stored.Select(e => e.RowKey).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_failing_third_operation_reports_index_2_and_nothing_is_applied()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "exists"), Ct);

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(
            () => table.SubmitTransactionAsync([Add("p", "a"), Add("p", "b"), Add("p", "exists"), Add("p", "c")], Ct));

        Assert.Equal(2, error.FailedOperationIndex);
        Assert.Equal(StorageErrorKind.AlreadyExists, error.Kind);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        var stored = await table.QueryAsync(null, null, null, Ct).ToListAsync(Ct);
        Assert.Equal("exists", Assert.Single(stored).RowKey);
    }

    [Fact]
    public async Task A_stale_etag_inside_a_transaction_fails_with_precondition_failed_at_its_index()
    {
        var table = await NewTableAsync();
        var stale = await table.AddEntityAsync(new TableEntity("p", "x") { ["V"] = 1 }, Ct);
        await table.UpsertEntityAsync(new TableEntity("p", "x") { ["V"] = 2 }, TableUpdateMode.Merge, Ct);

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(
            () => table.SubmitTransactionAsync(
                [Add("p", "new"), new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "x") { ["V"] = 3 }, stale)],
                Ct));

        Assert.Equal(StorageErrorKind.PreconditionFailed, error.Kind);
        Assert.Equal(1, error.FailedOperationIndex);
        Assert.Null(await table.GetEntityAsync("p", "new", null, Ct));
    }

    [Fact]
    public async Task More_than_a_hundred_operations_are_refused_before_sending()
    {
        var table = new TableServiceClient(azurite.Connection).GetTableClient("unused");

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => table.SubmitTransactionAsync(Enumerable.Range(0, 101).Select(i => Add("p", $"r{i}")), Ct));

        Assert.Contains("101", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operations_on_two_partitions_are_refused_before_sending()
    {
        var table = new TableServiceClient(azurite.Connection).GetTableClient("unused");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([Add("p1", "a"), Add("p2", "b")], Ct));

        Assert.Contains("'p2'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Touching_one_entity_twice_or_nothing_at_all_is_refused()
    {
        var table = new TableServiceClient(azurite.Connection).GetTableClient("unused");

        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([Add("p", "a"), Add("p", "a")], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([], Ct));
    }
}
