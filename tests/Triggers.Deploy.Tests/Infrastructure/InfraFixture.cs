using System.Text.Json.Nodes;
using Triggers.Testing;

namespace Triggers.Deploy.Tests.Infrastructure;

/// <summary>One .bicep file under infra/ with the ARM JSON bicep compiled it to (null if it did not compile).</summary>
internal sealed class CompiledBicep(string relativePath, string absolutePath, ArmTemplate? template)
{
    /// <summary>Path from the repository root with forward slashes, e.g. <c>infra/modules/storage.bicep</c>.</summary>
    public string RelativePath { get; } = relativePath;

    public string AbsolutePath { get; } = absolutePath;

    public ArmTemplate? Template { get; } = template;

    public string Source => File.ReadAllText(AbsolutePath);

    public override string ToString() => RelativePath;
}

/// <summary>
/// Every .bicep file under infra/, built and linted once for the whole test assembly with the real Bicep
/// compiler (one <c>bicep build</c> and one <c>bicep lint</c> over all files). The tests read the compiled
/// ARM JSON; the two runs stay here for the tests that hold the output to account.
/// </summary>
public sealed class InfraFixture : IAsyncLifetime
{
    private const string Pattern = "infra/**/*.bicep";
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("triggers-bicep-build-");
    private IReadOnlyList<CompiledBicep>? _files;
    private IReadOnlyList<ArmModule>? _modules;

    internal static string InfraDirectory { get; } = Path.Combine(RepositoryPaths.Root, "infra");

    /// <summary><c>bicep build --pattern infra/**/*.bicep</c>.</summary>
    internal BicepRun Build { get; private set; } = null!;

    /// <summary><c>bicep lint --pattern infra/**/*.bicep</c>.</summary>
    internal BicepRun Lint { get; private set; } = null!;

    internal IReadOnlyList<CompiledBicep> Files => _files ?? throw new InvalidOperationException("The Bicep files have not been compiled yet.");

    internal ArmTemplate Main => Template("infra/main.bicep");

    internal ArmTemplate FunctionApp => Template("infra/modules/function-app.bicep");

    internal ArmTemplate RoleAssignments => Template("infra/modules/role-assignments.bicep");

    /// <summary>The compiled templates of all files that compiled.</summary>
    internal IEnumerable<ArmTemplate> Templates => Files.Select(f => f.Template).OfType<ArmTemplate>();

    /// <summary>Each file's own resources (a module's resources once, from the module's file, not again inside main).</summary>
    internal IEnumerable<ArmResource> AllResources => Templates.SelectMany(t => t.Resources);

    /// <summary>The modules main deploys, each matched to the file it was compiled from.</summary>
    internal IReadOnlyList<ArmModule> MainModules => _modules ??= [.. Main.Modules];

    /// <summary>Every .bicep file under infra/, as repository-relative paths with forward slashes.</summary>
    internal static IReadOnlyList<string> BicepPaths() =>
        [.. Directory.EnumerateFiles(InfraDirectory, "*.bicep", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(RepositoryPaths.Root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    internal CompiledBicep File(string relativePath) =>
        Files.FirstOrDefault(f => f.RelativePath == relativePath)
        ?? throw new InvalidOperationException($"{relativePath} is not among the Bicep files: {string.Join(", ", Files)}.");

    /// <summary>A file's compiled template; fails with bicep's own output when it did not compile.</summary>
    internal ArmTemplate Template(string relativePath) =>
        File(relativePath).Template ?? throw new InvalidOperationException($"{relativePath} did not compile. {Build.Describe()}");

    /// <summary>The file a module of main was compiled from: the one whose template hash is the module's.</summary>
    internal CompiledBicep? SourceOf(ArmModule module) =>
        Files.FirstOrDefault(f => f.Template?.TemplateHash is { } hash && hash == module.Template.TemplateHash && f.RelativePath != "infra/main.bicep");

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var build = BicepCli.BuildAllAsync(Pattern, _scratch.FullName, cancellationToken);
        var lint = BicepCli.LintAllAsync(Pattern, cancellationToken);
        Build = await build;
        Lint = await lint;

        _files = [.. BicepPaths().Select(relativePath =>
        {
            var absolute = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, relativePath));
            // --outdir keeps the layout below infra/, the pattern's folder: infra/modules/x.bicep -> modules/x.json.
            var compiled = Path.Combine(_scratch.FullName, Path.ChangeExtension(Path.GetRelativePath(InfraDirectory, absolute), ".json"));
            var template = System.IO.File.Exists(compiled)
                ? new ArmTemplate(JsonNode.Parse(System.IO.File.ReadAllText(compiled))!.AsObject(), relativePath)
                : null;
            return new CompiledBicep(relativePath, absolute, template);
        })];
    }

    public ValueTask DisposeAsync()
    {
        _scratch.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }
}
