using Triggers.Testing;

namespace Triggers.Core.Tests.Support;

/// <summary>Finds files under the shared data folder, which sits beside the repository (../shared).</summary>
internal static class SharedData
{
    public static string Locate(string relativePath) => RepositoryPaths.SharedData(relativePath);
}
