using System.Text.Json;
using Azure.Data.Tables;
using Triggers.Azure.Stores;
using Triggers.Core.Trust;
using Triggers.Testing;

namespace Triggers.Azure.Tests.Stores;

public sealed class TableScoringSourceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_example_scoring_rows_in_the_docs_load_from_the_table_and_compile_without_problems()
    {
        var tables = await StoreTestData.TablesAsync(azurite);
        var tenant = azurite.UniqueName("sc");
        var ct = TestContext.Current.CancellationToken;
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "docs", "examples", "scoring.jsonl")).Where(l => l.Length > 0).ToList();
        foreach (var line in lines)
        {
            using var row = JsonDocument.Parse(line);
            var entity = new TableEntity(tenant, row.RootElement.GetProperty("RowKey").GetString());
            foreach (var property in row.RootElement.EnumerateObject().Where(p => p.Name is not ("PartitionKey" or "RowKey")))
            {
                // As Storage Explorer types them: numbers as Double, text as String.
                entity[property.Name] = property.Value.ValueKind == JsonValueKind.Number ? property.Value.GetDouble() : property.Value.GetString();
            }

            await tables.GetTableClient(TableNames.Scoring).AddEntityAsync(entity, ct);
        }

        var set = ScoringSet.Compile(await new TableStaffRowSource(tables, TableNames.Scoring).LoadAsync(ct));

        Assert.DoesNotContain(set.Problems, p => p.Tenant == tenant);
        Assert.Equal(lines.Count - 1, set.For(tenant)!.Contributions.Count);
        Assert.Equal(TrustSettings.Default.Weights, set.For(tenant)!.Settings.Weights);
    }
}
