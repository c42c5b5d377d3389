
namespace Triggers.Cli.Tests.Rules;

/// <summary>`rules validate`, run as the built executable.</summary>
public sealed class RulesCommandTests
{
    private static async Task<(int Exit, string Out)> RunAsync(string arguments)
    {
        var (exit, output, _) = await CliProcess.RunAsync(arguments);
        return (exit, output);
    }

    [Fact]
    public async Task Validate_prints_each_problem_with_the_rule_id_and_exits_non_zero_and_a_clean_file_exits_zero()
    {
        var folder = Directory.CreateTempSubdirectory("rules-validate");
        try
        {
            var bad = Path.Combine(folder.FullName, "bad.jsonl");
            var good = Path.Combine(folder.FullName, "good.jsonl");
            await File.WriteAllLinesAsync(bad, [
                """{"RowKey":"ok","Enabled":true,"When":"true","Then":"[{\"type\":\"alert\",\"text\":\"x\"}]"}""",
                """{"RowKey":"no-type","Enabled":true,"When":"true","Then":"[{\"type\":\"teleport\"}]","Cooldown":"soon"}""",
            ], TestContext.Current.CancellationToken);
            await File.WriteAllLinesAsync(good, [
                """{"RowKey":"ok","Enabled":true,"When":"true","Then":"[{\"type\":\"alert\",\"text\":\"x\"}]"}""",
            ], TestContext.Current.CancellationToken);

            var (badExit, badOut) = await RunAsync($"rules validate \"{bad}\"");
            var (goodExit, goodOut) = await RunAsync($"rules validate \"{good}\"");

            Assert.Equal(1, badExit);
            var lines = badOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(lines.Length >= 2, badOut);
            Assert.All(lines, line => Assert.StartsWith("default/no-type: ", line, StringComparison.Ordinal));
            Assert.Contains(lines, line => line.Contains("teleport", StringComparison.Ordinal));
            Assert.Contains(lines, line => line.Contains("soon", StringComparison.Ordinal));
            Assert.Equal(0, goodExit);
            Assert.Equal(string.Empty, goodOut);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_sixteen_example_rules_in_the_docs_validate_without_problems()
    {
        var examples = Path.Combine(Triggers.Testing.RepositoryPaths.Root, "docs", "examples", "rules.jsonl");
        Assert.Equal(16, File.ReadAllLines(examples).Count(l => l.Length > 0));

        var (exit, output) = await RunAsync($"rules validate \"{examples}\"");

        Assert.True(exit == 0, output);
    }
}
