using System.Diagnostics;
using System.Security.Cryptography;
using Triggers.Testing;

namespace Triggers.Deploy.Tests.Infrastructure;

/// <summary>
/// tools/bicep-parse: tree-sitter-bicep through web-tree-sitter in Node, installed with <c>npm ci</c> on first
/// use (the lock file's hash marks an install as current; a file lock keeps parallel test runs from racing).
/// </summary>
internal static class BicepParseTool
{
    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(5);
    private static readonly SemaphoreSlim InProcess = new(1, 1);

    public static string Directory { get; } = Path.Combine(RepositoryPaths.Root, "tools", "bicep-parse");

    /// <summary>Runs <c>node parse.js {mode} {files}</c> from the repository root.</summary>
    public static async Task<ProcessResult> RunAsync(string mode, IEnumerable<string> files, CancellationToken cancellationToken)
    {
        await EnsureInstalledAsync(cancellationToken);
        return await ProcessRunner.RunAsync(
            "node", [Path.Combine(Directory, "parse.js"), mode, .. files], RepositoryPaths.Root, TimeSpan.FromMinutes(2), cancellationToken);
    }

    private static async Task EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        var expected = LockFileHash();
        var marker = Path.Combine(Directory, "node_modules", ".triggers-installed");
        if (IsInstalled(marker, expected))
        {
            return;
        }

        await InProcess.WaitAsync(cancellationToken);
        try
        {
            await using var installLock = await AcquireLockAsync(cancellationToken);
            if (IsInstalled(marker, expected))
            {
                return; // another process installed it while we waited
            }

            var result = await ProcessRunner.RunAsync(
                "npm", ["ci", "--no-audit", "--no-fund"], Directory, TimeSpan.FromMinutes(5), cancellationToken);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException(result.Describe($"npm ci in {Directory}"));
            }

            await File.WriteAllTextAsync(marker, expected, cancellationToken);
        }
        finally
        {
            InProcess.Release();
        }
    }

    private static bool IsInstalled(string marker, string expectedHash) =>
        File.Exists(marker) && File.ReadAllText(marker).Trim() == expectedHash;

    private static string LockFileHash() =>
        Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(Directory, "package-lock.json"))));

    private static async Task<FileStream> AcquireLockAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(Directory, "install.lock");
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                // FileShare.None: the OS refuses a second opener, across processes, until this one is disposed.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < LockWait)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }
}
