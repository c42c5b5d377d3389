using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Triggers.Azure.Stores;
using Triggers.Core.Rules;
using Triggers.Testing;

namespace Triggers.Azure.Tests.Stores;

public sealed class TableRuleWriterTests(AzuriteFixture azurite)
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    [Fact]
    public async Task A_hundred_rules_import_in_one_transaction_and_all_read_back()
    {
        var tables = await StoreTestData.TablesAsync(azurite);
        var writer = new TableRuleWriter(tables, new TableRuleHistoryStore(tables), Clock);
        var tenant = azurite.UniqueName("tn");
        var rules = Enumerable.Range(0, TableRuleWriter.MaxRulesPerTenant).Select(i => Rule(tenant, $"r{i:D3}", priority: i)).ToList();

        var result = await writer.ImportTenantAsync(tenant, rules, "cli:test", TestContext.Current.CancellationToken);

        Assert.Equal(new RuleImportResult(tenant, 100, 0, 0), result);
        var read = await writer.ReadAsync(tenant, TestContext.Current.CancellationToken);
        Assert.Empty(read.Problems);
        Assert.Equal(rules.Select(r => (r.Id, r.Priority)), read.Definitions.Select(r => (r.Id, r.Priority)));
        Assert.All(read.Definitions, r => Assert.Equal("cli:test", r.ChangedBy));
    }

    [Fact]
    public async Task A_rule_changed_by_someone_else_during_an_import_fails_the_whole_import_and_nothing_is_written()
    {
        var tables = await StoreTestData.TablesAsync(azurite);
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;
        var plain = new TableRuleWriter(tables, new TableRuleHistoryStore(tables), Clock);
        await plain.ImportTenantAsync(tenant, [Rule(tenant, "b-existing", priority: 1)], "cli:first", ct);

        // Between the writer's read and its transaction, a member of staff edits the rule in the table.
        var rules = tables.GetTableClient(TableNames.Rules);
        var options = new TableClientOptions();
        options.AddPolicy(new BeforeBatch(() => rules.UpsertEntityAsync(
            new TableEntity(tenant, "b-existing") { ["Enabled"] = true, ["Priority"] = 99, ["When"] = "true", ["Then"] = """[{"type":"alert","text":"staff"}]""" },
            TableUpdateMode.Replace, ct)), HttpPipelinePosition.PerCall);
        var racing = azurite.Connection.CreateTableServiceClient(options);
        var writer = new TableRuleWriter(racing, new TableRuleHistoryStore(racing), Clock);

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => writer.ImportTenantAsync(
            tenant, [Rule(tenant, "a-new", priority: 5), Rule(tenant, "b-existing", priority: 6), Rule(tenant, "c-new", priority: 7)], "cli:second", ct));

        Assert.Equal(412, error.Status);
        Assert.Equal(1, error.FailedTransactionActionIndex);
        var read = await plain.ReadAsync(tenant, ct);
        var only = Assert.Single(read.Definitions);
        Assert.Equal(("b-existing", 99), (only.Id, only.Priority));
    }

    private static RuleDefinition Rule(string tenant, string id, int priority) =>
        new(tenant, id, true, priority, """{"==":[{"var":"signal.kind"},"message"]}""", """[{"type":"alert","text":"hi"}]""", "PT1H", "test rule", null);

    /// <summary>Runs an action once, just before the first entity-group transaction goes out (the SDK's own pipeline seam).</summary>
    private sealed class BeforeBatch(Func<Task> action) : HttpPipelinePolicy
    {
        private int _done;

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) && Interlocked.Exchange(ref _done, 1) == 0)
            {
                await action();
            }

            await ProcessNextAsync(message, pipeline);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The stores call the service asynchronously.");
    }
}
