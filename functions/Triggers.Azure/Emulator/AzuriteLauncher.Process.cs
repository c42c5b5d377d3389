using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Triggers.Azure.Emulator;

/// <summary>Starting the node process and waiting until its three services accept connections.</summary>
public sealed partial class AzuriteLauncher
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private static async Task<AzuriteLauncher> StartAsync(
        AzuriteInstallation installation, AzuritePorts ports, string? dataDirectory, ILogger logger,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = dataDirectory ?? Path.GetTempPath(),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(installation, ports, dataDirectory))
        {
            start.ArgumentList.Add(argument);
        }

        var output = new OutputTail();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException(
                "Cannot start Azurite: Node.js ('node') was not found on PATH. Install Node.js 20 or later, " +
                "or start Azurite yourself on 127.0.0.1:10000-10002.", e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var launcher = new AzuriteLauncher(process, output, ports, logger);
        try
        {
            await launcher.WaitUntilListeningAsync(cancellationToken);
        }
        catch
        {
            await launcher.DisposeAsync();
            throw;
        }

        Log.Started(logger, ports.ToString(), process.Id, dataDirectory ?? "memory (not persisted)", installation.Directory);
        return launcher;
    }

    private static List<string> Arguments(AzuriteInstallation installation, AzuritePorts ports, string? dataDirectory)
    {
        List<string> arguments =
        [
            installation.StartScript,
            "--blobHost", "127.0.0.1", "--blobPort", ports.Blob.ToString(CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", ports.Queue.ToString(CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", ports.Table.ToString(CultureInfo.InvariantCulture),
            "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl", "--disableTelemetry", "--silent",
        ];
        if (dataDirectory is null)
        {
            arguments.Add("--inMemoryPersistence");
        }
        else
        {
            arguments.AddRange(["--location", dataDirectory]);
        }

        return arguments;
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                _process.WaitForExit(); // flushes the redirected output into the tail
                var text = _output.ToString();
                throw new AzuriteStartException(
                    $"Azurite exited with code {_process.ExitCode} before listening on {Ports}. Its output:" +
                    $"{Environment.NewLine}{text}",
                    portInUse: text.Contains("EADDRINUSE", StringComparison.Ordinal));
            }

            var ready = true;
            foreach (var (_, port) in Ports.All)
            {
                ready &= await LoopbackPorts.IsListeningAsync(port, cancellationToken);
            }

            if (ready)
            {
                return;
            }

            if (elapsed.Elapsed > StartTimeout)
            {
                throw new AzuriteStartException(
                    $"Azurite did not listen on all of {Ports} within {StartTimeout.TotalSeconds:0} s. Its output:" +
                    $"{Environment.NewLine}{_output}",
                    portInUse: false);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }
}
