namespace Triggers.Cli.Tests;

internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Triggers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Triggers.sln not found above {AppContext.BaseDirectory}.");
    }
}
