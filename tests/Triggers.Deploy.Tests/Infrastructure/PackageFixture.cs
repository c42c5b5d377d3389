using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Triggers.Testing;

namespace Triggers.Deploy.Tests.Infrastructure;

/// <summary>
/// Runs scripts/package.sh once for the packaging tests. The build directory stays between runs (so a rerun
/// is incremental) and is locked while in use; the package itself goes to a fresh temporary folder.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("triggers-package-");

    public string PackageDirectory => Path.Combine(_scratch.FullName, "package");

    public string ZipPath => PackageDirectory + ".zip";

    internal ProcessResult? Result { get; private set; }

    /// <summary>Fails the calling test with the script's own output if packaging failed.</summary>
    public void RequireSuccess()
    {
        Assert.NotNull(Result);
        Assert.True(Result.ExitCode == 0, Result.Describe("scripts/package.sh"));
    }

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        // One build directory per checkout, outside it: incremental across runs, never inside another build's bin/obj.
        var checkout = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(RepositoryPaths.Root)))[..12];
        var build = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"triggers-package-build-{checkout}")).FullName;

        await using var buildLock = await LockAsync(Path.Combine(build, ".lock"), cancellationToken);
        var stopwatch = Stopwatch.StartNew();
        Result = await ProcessRunner.RunAsync(
            "bash",
            [Path.Combine(RepositoryPaths.Root, "scripts", "package.sh"), "--output", PackageDirectory, "--build-dir", build],
            RepositoryPaths.Root,
            Timeout,
            cancellationToken);
        TestContext.Current.SendDiagnosticMessage("scripts/package.sh exited with {0} after {1:0.0} s", Result.ExitCode, stopwatch.Elapsed.TotalSeconds);
    }

    public ValueTask DisposeAsync()
    {
        _scratch.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    private static async Task<FileStream> LockAsync(string path, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                // FileShare.None: a second test run waits here instead of building into the same folder.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < Timeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
        }
    }
}
