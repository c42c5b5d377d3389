using System.CommandLine;
using System.Text.Json.Nodes;

namespace Triggers.Cli.JsonLines;

/// <summary>Builds an evaluation verb: stdin JSON lines through <paramref name="handle"/> to stdout.</summary>
internal static class JsonLinesCommand
{
    public static Command Create(string name, string description, Func<JsonObject, JsonNode> handle)
    {
        var command = new Command(name, description);
        command.SetAction(async (_, ct) =>
        {
            using var input = StandardStreams.Input();
            await using var output = StandardStreams.Output();
            await JsonLinesRunner.RunAsync(input, output, handle, ct);
            return 0;
        });
        return command;
    }
}
