using System.Text.Json;
using System.Text.Json.Nodes;

namespace Triggers.Deploy.Tests.Infrastructure;

internal static class BicepParser
{
    /// <summary>Parses files (paths relative to <paramref name="baseDirectory"/>) into <see cref="BicepFile"/>s.</summary>
    public static async Task<IReadOnlyList<BicepFile>> ParseAsync(
        string baseDirectory, IReadOnlyList<string> relativePaths, CancellationToken cancellationToken)
    {
        var absolute = relativePaths.Select(p => Path.GetFullPath(Path.Combine(baseDirectory, p))).ToList();
        var result = await BicepParseTool.RunAsync("tree", absolute, cancellationToken);
        if (result.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException(result.Describe("tools/bicep-parse tree"));
        }

        // Syntax trees nest deeply; the default depth limit of 64 is too small.
        var trees = JsonNode.Parse(result.StandardOutput, documentOptions: new JsonDocumentOptions { MaxDepth = 1024 })!.AsArray();
        return [.. trees.Select((tree, i) => new BicepFile(
            relativePaths[i].Replace('\\', '/'),
            File.ReadAllText(absolute[i]),
            [.. tree!["errors"]!.AsArray().Select(e => (string)e!)],
            tree["root"]!.AsObject()))];
    }
}
