using Triggers.Deploy.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.Deploy.Tests.Bicep;

/// <summary>
/// Every .bicep file compiles with the real Bicep compiler (from NuGet) and lints clean: no error, warning or
/// note of any kind. The other Bicep tests read the ARM JSON these builds produce.
/// </summary>
public sealed class BicepCompileTests(InfraFixture infra) : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("triggers-bicep-").FullName;

    public static TheoryData<string> BicepFiles => [.. InfraFixture.BicepPaths()];

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void The_file_compiles_to_an_ARM_template_without_a_diagnostic(string file)
    {
        var compiled = infra.File(file);
        var diagnostics = infra.Build.DiagnosticsFor(compiled.AbsolutePath);

        Assert.True(diagnostics.Count == 0, $"bicep build reports for {file}:{Environment.NewLine}{string.Join(Environment.NewLine, diagnostics)}{Environment.NewLine}{Environment.NewLine}{infra.Build.Describe()}");
        Assert.True(compiled.Template is not null, $"bicep build wrote no template for {file}. {infra.Build.Describe()}");
        Assert.Equal("bicep", (string?)compiled.Template.Json["metadata"]?["_generator"]?["name"]);
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void The_file_lints_clean(string file)
    {
        var diagnostics = infra.Lint.DiagnosticsFor(infra.File(file).AbsolutePath);

        Assert.True(diagnostics.Count == 0, $"bicep lint reports for {file}:{Environment.NewLine}{string.Join(Environment.NewLine, diagnostics)}{Environment.NewLine}{Environment.NewLine}{infra.Lint.Describe()}");
    }

    [Fact]
    public void Build_and_lint_of_all_files_exit_0_and_print_nothing()
    {
        Assert.Contains("infra/main.bicep", InfraFixture.BicepPaths());

        // Anything printed is a finding, also one no file is named in (a bicepconfig.json problem, a crash).
        Assert.True(infra.Build.IsClean, infra.Build.Describe());
        Assert.True(infra.Lint.IsClean, infra.Lint.Describe());
    }

    [Fact]
    public void No_file_silences_a_diagnostic_and_no_configuration_turns_a_rule_off()
    {
        Assert.All(infra.Files, f => Assert.DoesNotMatch(@"#disable-(next-line|diagnostics)\b", f.Source));

        var configurations = new[] { RepositoryPaths.Root, InfraFixture.InfraDirectory }
            .Concat(Directory.EnumerateDirectories(InfraFixture.InfraDirectory, "*", SearchOption.AllDirectories))
            .Select(d => Path.Combine(d, "bicepconfig.json"))
            .Where(File.Exists);
        Assert.All(configurations, c => Assert.DoesNotMatch(@"""level""\s*:\s*""(off|none|info)""", File.ReadAllText(c)));
    }

    [Fact]
    public void Main_nests_every_module_as_that_module_compiles_on_its_own()
    {
        var modules = infra.MainModules;

        Assert.NotEmpty(modules);
        Assert.All(modules, m => Assert.True(infra.SourceOf(m) is not null, $"main's module {m.Symbol} matches no compiled file under infra/modules (template hash {m.Template.TemplateHash})"));
    }

    [Fact]
    public async Task A_syntax_error_fails_the_build_with_its_file_and_line()
    {
        // Line 2 is the broken one; lines 1 and 3 are valid on their own.
        var path = Path.Combine(_scratch, "broken.bicep");
        await File.WriteAllTextAsync(path, "param location string\nvar broken = ]\noutput where string = location\n", TestContext.Current.CancellationToken);

        var build = await BicepCli.BuildAsync(path, Path.Combine(_scratch, "broken.json"), TestContext.Current.CancellationToken);

        Assert.NotEqual(0, build.Result.ExitCode);
        Assert.Contains(build.DiagnosticsFor(path), d => d is { Line: 2, Level: "Error" });
        Assert.False(File.Exists(Path.Combine(_scratch, "broken.json")));
    }

    [Fact]
    public async Task A_linter_warning_is_a_finding_although_bicep_exits_0()
    {
        var path = Path.Combine(_scratch, "unused.bicep");
        await File.WriteAllTextAsync(path, "param unused string\noutput fixed string = 'x'\n", TestContext.Current.CancellationToken);

        var lint = await BicepCli.LintAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(0, lint.Result.ExitCode);
        Assert.False(lint.IsClean);
        Assert.Contains(lint.DiagnosticsFor(path), d => d is { Line: 1, Level: "Warning", Code: "no-unused-params" });
    }

    [Fact]
    public async Task A_clean_file_lints_with_no_output_at_all()
    {
        var path = Path.Combine(_scratch, "clean.bicep");
        await File.WriteAllTextAsync(path, "param location string\noutput where string = location\n", TestContext.Current.CancellationToken);

        var lint = await BicepCli.LintAsync(path, TestContext.Current.CancellationToken);

        Assert.True(lint.IsClean, lint.Describe());
    }

    [Fact]
    public async Task The_compiler_is_the_bicep_version_pinned_in_Directory_Packages_props()
    {
        var packages = System.Xml.Linq.XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Packages.props"));
        var pinned = packages.Descendants("PackageVersion").Single(p => (string?)p.Attribute("Include") == "Azure.Bicep.CommandLine.linux-x64").Attribute("Version")!.Value;

        var version = await BicepCli.RunAsync(["--version"], TestContext.Current.CancellationToken);

        Assert.Equal(0, version.Result.ExitCode);
        Assert.StartsWith($"Bicep CLI version {pinned} ", version.Result.StandardOutput, StringComparison.Ordinal);
    }
}
