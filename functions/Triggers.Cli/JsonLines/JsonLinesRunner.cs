using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Triggers.Cli.JsonLines;

/// <summary>
/// The evaluation verbs' contract: JSON lines in, one JSON line out per input line, in order. A bad line
/// gets <c>{"error": "..."}</c> on its line and the run goes on. Streams, so memory stays flat for any input.
/// </summary>
public static class JsonLinesRunner
{
    // Readable output: Chinese text and quotes stay as they are (the output is JSON, not HTML).
    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(TextReader input, TextWriter output, Func<JsonObject, JsonNode> handle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(handle);
        var lineNumber = 0;
        var failures = 0;
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            JsonNode result;
            try
            {
                result = JsonNode.Parse(line) is JsonObject request
                    ? handle(request)
                    : Error($"line {lineNumber}: expected a JSON object");
            }
            catch (JsonException ex)
            {
                result = Error($"line {lineNumber}: not valid JSON: {ex.Message}");
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or Core.JsonLogic.JsonLogicException)
            {
                result = Error($"line {lineNumber}: {ex.Message}");
            }

            if (result is JsonObject obj && obj.ContainsKey("error"))
            {
                failures++;
            }

            await output.WriteLineAsync(result.ToJsonString(Output));
        }

        await output.FlushAsync(cancellationToken);
        return failures;
    }

    public static JsonObject Error(string message) => new() { ["error"] = message };
}
