using System.CommandLine;
using System.Text.Json.Nodes;
using Triggers.Cli.JsonLines;
using Triggers.Core.JsonLogic;

namespace Triggers.Cli.Commands;

public static class JsonLogicCommand
{
    public static Command Create() => JsonLinesCommand.Create("jsonlogic", """
            Evaluate JsonLogic. Reads JSON lines {"logic": ..., "data": ...} on stdin and writes {"result": ...}
            per line on stdout; a bad line gets {"error": "..."} and the run goes on.
            """, Evaluate);

    public static JsonNode Evaluate(JsonObject request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.ContainsKey("logic"))
        {
            return JsonLinesRunner.Error("missing \"logic\"");
        }

        var expression = JsonLogic.Compile(request["logic"]);
        return new JsonObject { ["result"] = expression.Evaluate(request["data"]) };
    }
}
