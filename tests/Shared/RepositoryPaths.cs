using System.Reflection;

namespace Triggers.Testing;

/// <summary>The repository the tests were built from, and the shared/ folder beside it.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>A file under ../shared/data (the shared data sets beside the repository).</summary>
    public static string SharedData(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "data", relativePath));
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} not found; the shared folder is expected beside the repository (../shared).");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Triggers.sln")))
            {
                return dir.FullName;
            }
        }

        // Built with an artifacts path outside the repository: use where the sources were.
        return typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value?.TrimEnd('/', '\\')
            ?? throw new InvalidOperationException($"Triggers.sln not found above {AppContext.BaseDirectory}.");
    }
}
