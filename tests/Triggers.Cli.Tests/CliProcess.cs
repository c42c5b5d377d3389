using System.Diagnostics;

namespace Triggers.Cli.Tests;

/// <summary>The built `triggers` executable, run as a process: its exit code, standard output and standard error.</summary>
internal static class CliProcess
{
    public static async Task<(int Exit, string Out, string Err)> RunAsync(string arguments)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "triggers.dll")}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, output, await errors);
    }
}
