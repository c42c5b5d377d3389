using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace Triggers.Azure.Emulator;

/// <summary>
/// The pinned Azurite npm package kept in the repository under <c>tools/azurite</c>, installed with
/// <c>npm ci</c> on first use.
/// </summary>
internal sealed partial class AzuriteInstallation
{
    internal const string ManifestRelativePath = "tools/azurite/package.json";
    private const string MarkerFileName = ".triggers-installed";
    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(10);

    private AzuriteInstallation(string directory) => Directory = directory;

    /// <summary>The folder holding package.json, package-lock.json and start.js.</summary>
    public string Directory { get; }

    public string StartScript => Path.Combine(Directory, "start.js");

    private string NodeModules => Path.Combine(Directory, "node_modules");

    private string EntryPoint => Path.Combine(NodeModules, "azurite", "dist", "src", "azurite.js");

    private string Marker => Path.Combine(NodeModules, MarkerFileName);

    /// <summary>
    /// Finds tools/azurite by walking up from the app's folder, then from the working directory, then from the
    /// repository this assembly was built from (for builds with an artifacts path outside the repository).
    /// </summary>
    public static AzuriteInstallation Locate()
    {
        var builtFrom = typeof(AzuriteInstallation).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        string[] starts = [AppContext.BaseDirectory, Environment.CurrentDirectory, .. builtFrom is { Length: > 0 } ? [builtFrom] : Array.Empty<string>()];
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var manifest = Path.Combine(dir.FullName, "tools", "azurite", "package.json");
                if (File.Exists(manifest))
                {
                    return new AzuriteInstallation(Path.GetDirectoryName(manifest)!);
                }
            }
        }

        throw new InvalidOperationException(
            $"Cannot find {ManifestRelativePath} (the pinned Azurite package) in '{string.Join("', '", starts)}' " +
            "or any of their parent folders. Run from inside the Triggers repository, or start Azurite yourself " +
            "on 127.0.0.1:10000-10002, or point AzureWebJobsStorage at a real storage account.");
    }

    /// <summary>Runs <c>npm ci</c> unless this exact lock file is already installed.</summary>
    /// <returns>True if this call installed the package.</returns>
    public async Task<bool> EnsureInstalledAsync(ILogger logger, CancellationToken cancellationToken)
    {
        var expected = LockFileHash();
        if (IsInstalled(expected))
        {
            return false;
        }

        await using var installLock = await AcquireLockAsync(cancellationToken);
        if (IsInstalled(expected))
        {
            return false; // another process installed it while we waited for the lock
        }

        Log.Installing(logger, Directory);
        var stopwatch = Stopwatch.StartNew();
        await Npm.CiAsync(Directory, cancellationToken);
        if (!File.Exists(EntryPoint))
        {
            throw new InvalidOperationException(
                $"npm ci in '{Directory}' succeeded but '{EntryPoint}' is missing; check package.json pins azurite.");
        }

        await File.WriteAllTextAsync(Marker, expected, cancellationToken);
        Log.Installed(logger, Directory, stopwatch.Elapsed.TotalSeconds);
        return true;
    }

    private bool IsInstalled(string expectedHash) =>
        File.Exists(EntryPoint) && File.Exists(Marker) && File.ReadAllText(Marker).Trim() == expectedHash;

    private string LockFileHash()
    {
        var lockFile = Path.Combine(Directory, "package-lock.json");
        if (!File.Exists(lockFile))
        {
            throw new InvalidOperationException(
                $"'{lockFile}' is missing; run 'npm install --package-lock-only' in '{Directory}' and commit it.");
        }

        return Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(lockFile)));
    }

    private async Task<FileStream> AcquireLockAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(Directory, "install.lock");
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                // FileShare.None makes the OS refuse a second opener, across processes, until we dispose it.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (deadline.Elapsed < LockWait)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Installing the pinned Azurite package with npm ci in {Directory} (first use)")]
        public static partial void Installing(ILogger logger, string directory);

        [LoggerMessage(2, LogLevel.Information, "Installed Azurite in {Directory} in {Seconds:0.0} s")]
        public static partial void Installed(ILogger logger, string directory, double seconds);
    }
}
