using Triggers.Core.Hosting;

namespace Triggers.Cli.Functions;

/// <summary>Writes <c>{directory}/{Function}/function.json</c> for every function in the catalog.</summary>
public static class FunctionFolderWriter
{
    public static IReadOnlyList<string> Write(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var written = new List<string>();
        foreach (var function in FunctionCatalog.All)
        {
            var folder = Path.Combine(directory, function.Name);
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, "function.json");
            File.WriteAllText(path, FunctionJson.Render(function));
            written.Add(path);
        }

        return written;
    }
}
