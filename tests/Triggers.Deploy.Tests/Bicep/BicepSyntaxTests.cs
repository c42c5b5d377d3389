using System.Text.RegularExpressions;
using Triggers.Deploy.Tests.Infrastructure;

namespace Triggers.Deploy.Tests.Bicep;

/// <summary>There is no Bicep compiler here: tree-sitter-bicep catches syntax errors before CI's az bicep build.</summary>
public sealed partial class BicepSyntaxTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("triggers-bicep-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public async Task Every_bicep_file_under_infra_parses_without_error_or_missing_nodes()
    {
        var files = InfraFixture.BicepPaths();
        Assert.Contains("infra/main.bicep", files);

        var result = await BicepParseTool.RunAsync("check", files, TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.Describe("bicep-parse check"));
        Assert.DoesNotMatch(ProblemLine(), result.StandardOutput);
        Assert.Contains($"{files.Count} file(s) parsed, 0 syntax error(s)", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stray_bracket_is_reported_with_its_file_and_line_and_fails_the_check()
    {
        // Line 2 is the broken one; lines 1 and 3 are valid on their own.
        var path = Path.Combine(_scratch, "broken.bicep");
        await File.WriteAllTextAsync(
            path,
            "param location string\nvar broken = ]\noutput where string = location\n",
            TestContext.Current.CancellationToken);

        var result = await BicepParseTool.RunAsync("check", [path], TestContext.Current.CancellationToken);

        Assert.Equal(1, result.ExitCode);
        var reported = ProblemLine().Matches(result.StandardOutput).Select(m => (m.Groups["file"].Value, int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains((path, 2), reported);
    }

    [Fact]
    public async Task An_unclosed_object_fails_the_check()
    {
        var path = Path.Combine(_scratch, "unclosed.bicep");
        await File.WriteAllTextAsync(
            path,
            "resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {\n  name: 'kv'\n",
            TestContext.Current.CancellationToken);

        var result = await BicepParseTool.RunAsync("check", [path], TestContext.Current.CancellationToken);

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(ProblemLine(), result.StandardOutput);
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_is_a_usage_error_not_a_pass()
    {
        var result = await BicepParseTool.RunAsync("check", [Path.Combine(_scratch, "absent.bicep")], TestContext.Current.CancellationToken);

        Assert.Equal(2, result.ExitCode);
    }

    [GeneratedRegex(@"^(?<file>.+):(?<line>\d+):(?<column>\d+): (ERROR|MISSING)", RegexOptions.Multiline)]
    private static partial Regex ProblemLine();
}
