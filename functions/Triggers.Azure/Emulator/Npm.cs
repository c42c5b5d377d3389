using System.Diagnostics;

namespace Triggers.Azure.Emulator;

/// <summary>Runs npm, the way each OS needs it run.</summary>
internal static class Npm
{
    public static async Task CiAsync(string directory, CancellationToken cancellationToken)
    {
        var start = StartInfo(directory, "ci", "--no-audit", "--no-fund");
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                "Cannot run npm to install Azurite: npm was not found on PATH. Install Node.js 20 or later " +
                "(which brings npm), or start Azurite yourself on 127.0.0.1:10000-10002.", e);
        }

        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var error = await stderr;
        await stdout;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"Installing Azurite with 'npm ci' in '{directory}' failed with exit code {process.ExitCode}. " +
                $"npm said:{Environment.NewLine}{error.Trim()}");
        }
    }

    private static ProcessStartInfo StartInfo(string directory, params string[] arguments)
    {
        // On Windows npm is a .cmd script, which only a shell can run.
        var start = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("cmd.exe") { ArgumentList = { "/d", "/c", "npm" } }
            : new ProcessStartInfo("npm");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.WorkingDirectory = directory;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        return start;
    }
}
