namespace Triggers.Core.Tests.Support;

/// <summary>Finds files under the shared data folder, which sits beside the repository (../shared).</summary>
internal static class SharedData
{
    public static string Locate(string relativePath)
    {
        var relative = Path.Combine("shared", "data", relativePath);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"Could not find {relative} in any folder above {AppContext.BaseDirectory}; the shared data folder is expected beside the repository.");
    }
}
