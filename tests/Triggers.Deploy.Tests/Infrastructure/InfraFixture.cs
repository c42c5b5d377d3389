using Triggers.Testing;

namespace Triggers.Deploy.Tests.Infrastructure;

/// <summary>Every .bicep file under infra/, parsed once for the whole test assembly.</summary>
public sealed class InfraFixture : IAsyncLifetime
{
    private IReadOnlyList<BicepFile>? _files;

    internal static string InfraDirectory { get; } = Path.Combine(RepositoryPaths.Root, "infra");

    internal IReadOnlyList<BicepFile> Files => _files ?? throw new InvalidOperationException("The Bicep files have not been parsed yet.");

    internal BicepFile Main => File("infra/main.bicep");

    internal BicepFile FunctionApp => File("infra/modules/function-app.bicep");

    internal BicepFile RoleAssignments => File("infra/modules/role-assignments.bicep");

    /// <summary>Every .bicep file under infra/, as repository-relative paths with forward slashes.</summary>
    internal static IReadOnlyList<string> BicepPaths() =>
        [.. Directory.EnumerateFiles(InfraDirectory, "*.bicep", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(RepositoryPaths.Root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    internal BicepFile File(string relativePath) =>
        Files.FirstOrDefault(f => f.RelativePath == relativePath)
        ?? throw new InvalidOperationException($"{relativePath} is not among the parsed files: {string.Join(", ", Files.Select(f => f.RelativePath))}.");

    internal IEnumerable<BicepResource> AllResources => Files.SelectMany(f => f.Resources);

    public async ValueTask InitializeAsync() =>
        _files = await BicepParser.ParseAsync(RepositoryPaths.Root, BicepPaths(), TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
