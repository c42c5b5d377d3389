using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Triggers.Testing;

namespace Triggers.Deploy.Tests.Infrastructure;

/// <summary>One diagnostic line of bicep: <c>/abs/file.bicep(12,5) : Warning no-unused-params: ...</c>.</summary>
internal sealed record BicepDiagnostic(string File, int Line, int Column, string Level, string Code, string Message)
{
    public override string ToString() => $"{File}({Line},{Column}) : {Level} {Code}: {Message}";
}

/// <summary>A finished bicep command: its arguments, exit code and output.</summary>
internal sealed partial record BicepRun(string Arguments, ProcessResult Result)
{
    /// <summary>Every diagnostic bicep printed (it prints them on stderr).</summary>
    public IReadOnlyList<BicepDiagnostic> Diagnostics { get; } =
        [.. DiagnosticLine().Matches(Result.StandardError + "\n" + Result.StandardOutput).Select(m => new BicepDiagnostic(
            m.Groups["file"].Value,
            int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(m.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture),
            m.Groups["level"].Value,
            m.Groups["code"].Value,
            m.Groups["message"].Value.TrimEnd()))];

    /// <summary>
    /// Exit code 0 and not a word of output. Bicep exits 0 on warnings, so the exit code alone would let
    /// every linter finding through.
    /// </summary>
    public bool IsClean => Result.ExitCode == 0
        && string.IsNullOrWhiteSpace(Result.StandardOutput)
        && string.IsNullOrWhiteSpace(Result.StandardError);

    /// <summary>The diagnostics for one file, each once (a pattern run reports a module's again when it lints main).</summary>
    public IReadOnlyList<BicepDiagnostic> DiagnosticsFor(string absolutePath) =>
        [.. Diagnostics.Where(d => string.Equals(Path.GetFullPath(d.File), Path.GetFullPath(absolutePath), StringComparison.Ordinal)).Distinct()];

    /// <summary>The command, its exit code and everything it printed, for a failure message.</summary>
    public string Describe()
    {
        var text = new StringBuilder($"`bicep {Arguments}` exited with {Result.ExitCode}.");
        foreach (var (name, output) in new[] { ("stderr", Result.StandardError), ("stdout", Result.StandardOutput) })
        {
            if (!string.IsNullOrWhiteSpace(output))
            {
                text.AppendLine().Append(name).AppendLine(":").Append(output.TrimEnd());
            }
        }

        return text.ToString();
    }

    [GeneratedRegex(@"^(?<file>.+?)\((?<line>\d+),(?<column>\d+)\) : (?<level>\w+) (?<code>[^:\s]+): (?<message>.*)$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();
}

/// <summary>
/// The Bicep compiler: the native <c>bicep</c> of the NuGet package Azure.Bicep.CommandLine.linux-x64, which
/// restoring this project downloads without referencing anything from it. The project passes the binary's
/// path in as assembly metadata <c>BicepPath</c> (MSBuild property <c>BicepCompilerPath</c>, to override).
/// </summary>
internal static class BicepCli
{
    private const UnixFileMode Execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private static readonly Lazy<string> Executable = new(Locate, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string ExecutablePath => Executable.Value;

    /// <summary><c>bicep build {file} --outfile {outFile}</c>.</summary>
    public static Task<BicepRun> BuildAsync(string file, string outFile, CancellationToken cancellationToken) =>
        RunAsync(["build", file, "--outfile", outFile, "--no-restore"], cancellationToken);

    /// <summary><c>bicep build --pattern {pattern} --outdir {outDir}</c>: one process for many files; the output keeps their layout below the pattern's folder.</summary>
    public static Task<BicepRun> BuildAllAsync(string pattern, string outDir, CancellationToken cancellationToken) =>
        RunAsync(["build", "--pattern", pattern, "--outdir", outDir, "--no-restore"], cancellationToken);

    public static Task<BicepRun> LintAsync(string file, CancellationToken cancellationToken) =>
        RunAsync(["lint", file, "--no-restore"], cancellationToken);

    public static Task<BicepRun> LintAllAsync(string pattern, CancellationToken cancellationToken) =>
        RunAsync(["lint", "--pattern", pattern, "--no-restore"], cancellationToken);

    /// <summary>Runs bicep from the repository root (where a relative <c>--pattern</c> starts).</summary>
    public static async Task<BicepRun> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(ExecutablePath, arguments, RepositoryPaths.Root, Timeout, cancellationToken);
        return new BicepRun(string.Join(' ', arguments), result);
    }

    private static string Locate()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "BicepPath")?.Value;
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"No bicep compiler at '{path}'. Restoring tests/Triggers.Deploy.Tests downloads it (NuGet package Azure.Bicep.CommandLine.linux-x64, "
                + "version in Directory.Packages.props); on other platforms pass one: dotnet test -p:BicepCompilerPath=/path/to/bicep.");
        }

        return EnsureExecutable(path);
    }

    /// <summary>
    /// NuGet does not promise to keep file modes when it extracts a package. Mark the binary executable in
    /// place; if the package folder is not ours to change, run a private copy instead.
    /// </summary>
    private static string EnsureExecutable(string path)
    {
        if (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & Execute) == Execute)
        {
            return path;
        }

        try
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | Execute);
            return path;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            var copy = Path.Combine(Directory.CreateTempSubdirectory("triggers-bicep-").FullName, Path.GetFileName(path));
            File.Copy(path, copy);
            File.SetUnixFileMode(copy, File.GetUnixFileMode(copy) | UnixFileMode.UserRead | UnixFileMode.UserExecute);
            return copy;
        }
    }
}
