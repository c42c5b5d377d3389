using Microsoft.Playwright;
using Triggers.Testing;

namespace Triggers.App.Tests.Console;

/// <summary>Screenshots of console pages at the two sizes staff use, saved under the git-ignored console-screenshots folder.</summary>
internal static class Screenshots
{
    public static readonly (string Name, int Width, int Height)[] Sizes = [("desktop", 1440, 900), ("phone", 390, 844)];

    public static string Folder { get; } = Path.Combine(RepositoryPaths.Root, "artifacts", "console-screenshots");

    public static async Task SaveAsync(IPage page, string name, string size)
    {
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, $"{name}-{size}.png"), FullPage = true });
    }
}
