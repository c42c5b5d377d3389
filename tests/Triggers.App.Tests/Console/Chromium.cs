using System.Diagnostics;
using Microsoft.Playwright;

namespace Triggers.App.Tests.Console;

/// <summary>
/// Debian's chromium driven by Playwright, one browser for the console tests. When chromium (or the CJK fonts the
/// Chinese pages need to render in screenshots) is missing and the run has root (as CI does), it is installed with
/// apt-get; otherwise the fixture fails naming the command. Playwright never downloads a browser of its own here.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    // A small CJK font (1.6 MB, against 56 MB for Noto CJK), so a clean CI machine installs it quickly.
    private const string CjkFont = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    // Without the background-networking flags chromium keeps calling Google's hosts, which this network refuses.
    private static readonly string[] Flags =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath) || !File.Exists(CjkFont))
        {
            await InstallAsync();
        }

        // The pages wait on Azurite, which the rest of the suite keeps busy: expectations get 15 s rather than 5.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true, Args = Flags });
    }

    private static async Task InstallAsync()
    {
        const string Command = "apt-get update && apt-get install -y chromium fonts-wqy-microhei";
        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: install Debian's chromium with `sudo sh -c '{Command}'`, then run the tests again.");
        }

        using var install = Process.Start(new ProcessStartInfo("sh", ["-c", Command + " >/tmp/triggers-chromium-install.log 2>&1"]) { UseShellExecute = false })!;
        await install.WaitForExitAsync();
        if (install.ExitCode != 0 || !File.Exists(ExecutablePath) || !File.Exists(CjkFont))
        {
            throw new InvalidOperationException($"`{Command}` failed (exit code {install.ExitCode}); see /tmp/triggers-chromium-install.log.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
