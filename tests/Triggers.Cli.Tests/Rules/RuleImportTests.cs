using Triggers.Azure.Stores;
using Azure.Data.Tables;
using Triggers.Cli.Rules;
using Triggers.Core.Rules;
using Triggers.Testing;

namespace Triggers.Cli.Tests.Rules;

public sealed class RuleImportTests(AzuriteFixture azurite)
{
    private const string Then = """[{"type":"message","text":"hi"}]""";

    private async Task<(TableServiceClient Tables, TableRuleWriter Writer)> StorageAsync()
    {
        var tables = azurite.Connection.CreateTableServiceClient();
        foreach (var name in (string[])[TableNames.Rules, TableNames.RuleHistory])
        {
            await tables.GetTableClient(name).CreateIfNotExistsAsync(TestContext.Current.CancellationToken);
        }

        return (tables, new TableRuleWriter(tables, new TableRuleHistoryStore(tables), TimeProvider.System));
    }

    private static string Line(string tenant, string id, string text = "hi", string when = "true") =>
        $$"""{"PartitionKey":"{{tenant}}","RowKey":"{{id}}","Enabled":true,"Priority":1,"When":"{{when}}","Then":"[{\"type\":\"message\",\"text\":\"{{text}}\"}]","Cooldown":"PT1H"}""";

    [Fact]
    public async Task Import_writes_the_rules_with_the_cli_author_and_export_reads_them_back_identically()
    {
        var (_, writer) = await StorageAsync();
        var tenant = azurite.UniqueName("tn");
        var file = Line(tenant, "a") + "\n" + Line(tenant, "b", "bye");
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = await RuleImport.RunAsync(RuleFile.Parse(file), writer, "cli:tester", output, errors, TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        Assert.Contains($"{tenant}: 2 added, 0 replaced, 0 unchanged", output.ToString(), StringComparison.Ordinal);
        var stored = await writer.ReadAsync(tenant, TestContext.Current.CancellationToken);
        Assert.All(stored.Definitions, d => Assert.Equal("cli:tester", d.ChangedBy));
        using var exported = new StringWriter();
        await RuleExport.WriteAsync(exported, stored.Definitions);
        var roundTrip = RuleFile.Parse(exported.ToString()).Definitions;
        Assert.Equal(RuleFile.Parse(file).Definitions, roundTrip);
    }

    [Fact]
    public async Task Import_into_storage_the_app_has_never_started_on_creates_the_rule_tables_and_writes_the_rules()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fresh = await Triggers.Azure.Emulator.AzuriteLauncher.StartIsolatedAsync(logger: null, ct);
        var tables = fresh.Connection.CreateTableServiceClient();
        var writer = new TableRuleWriter(tables, new TableRuleHistoryStore(tables), TimeProvider.System);
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = await RuleImport.RunAsync(RuleFile.Parse(Line("fresh", "a")), writer, "cli:tester", output, errors, ct);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, errors.ToString());
        Assert.Equal("a", Assert.Single((await writer.ReadAsync("fresh", ct)).Definitions).Id);
    }

    [Fact]
    public async Task A_file_with_one_broken_rule_imports_nothing_at_all_and_names_the_rule()
    {
        var (_, writer) = await StorageAsync();
        var tenant = azurite.UniqueName("tn");
        var file = Line(tenant, "fine") + "\n" + Line(tenant, "broken", when: "{\\\"bogus\\\":[1]}");
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = await RuleImport.RunAsync(RuleFile.Parse(file), writer, "cli:tester", output, errors, TestContext.Current.CancellationToken);

        Assert.Equal(1, exit);
        Assert.Contains($"{tenant}/broken", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("bogus", errors.ToString(), StringComparison.Ordinal);
        Assert.Empty((await writer.ReadAsync(tenant, TestContext.Current.CancellationToken)).Definitions);
    }

    [Fact]
    public async Task Reimporting_a_changed_rule_replaces_it_records_the_previous_version_and_leaves_identical_rules_alone()
    {
        var (tables, writer) = await StorageAsync();
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;
        await RuleImport.RunAsync(RuleFile.Parse(Line(tenant, "a") + "\n" + Line(tenant, "b")), writer, "cli:first", TextWriter.Null, TextWriter.Null, ct);
        using var output = new StringWriter();

        var exit = await RuleImport.RunAsync(RuleFile.Parse(Line(tenant, "a", "changed") + "\n" + Line(tenant, "b")), writer, "cli:second", output, TextWriter.Null, ct);

        Assert.Equal(0, exit);
        Assert.Contains("0 added, 1 replaced, 1 unchanged", output.ToString(), StringComparison.Ordinal);
        var history = await new TableRuleHistoryStore(tables).ListAsync(tenant, "a", 10, ct);
        var entry = Assert.Single(history);
        Assert.Contains("\"hi\"", entry.Then, StringComparison.Ordinal);
        Assert.Equal("cli:second", entry.ChangedBy);
        Assert.Equal(HistoryEntry.Changed, entry.Change);
        Assert.Empty(await new TableRuleHistoryStore(tables).ListAsync(tenant, "b", 10, ct));
    }

    [Fact]
    public async Task A_tenant_with_more_than_one_hundred_rules_is_refused_with_the_limit_in_the_message()
    {
        var (_, writer) = await StorageAsync();
        var tenant = azurite.UniqueName("tn");
        var file = string.Join('\n', Enumerable.Range(0, 101).Select(i => Line(tenant, "r" + i)));
        using var errors = new StringWriter();

        var exit = await RuleImport.RunAsync(RuleFile.Parse(file), writer, "cli:tester", TextWriter.Null, errors, TestContext.Current.CancellationToken);

        Assert.Equal(1, exit);
        Assert.Contains("101 rules", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("at most 100", errors.ToString(), StringComparison.Ordinal);
        Assert.Empty((await writer.ReadAsync(tenant, TestContext.Current.CancellationToken)).Definitions);
    }
}
