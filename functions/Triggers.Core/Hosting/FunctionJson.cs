using System.Text.Json;
using System.Text.Json.Nodes;

namespace Triggers.Core.Hosting;

/// <summary>Renders the <c>function.json</c> the Functions host reads for a catalog entry.</summary>
public static class FunctionJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static JsonObject Build(FunctionDefinition function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var bindings = new JsonArray();
        switch (function.Trigger)
        {
            case FunctionTrigger.Http:
                bindings.Add(new JsonObject
                {
                    ["name"] = function.BindingName,
                    ["type"] = "httpTrigger",
                    ["direction"] = "in",
                    ["authLevel"] = function.AuthLevel ?? "function",
                    ["methods"] = new JsonArray([.. (function.Methods ?? []).Select(m => JsonValue.Create(m))]),
                    ["route"] = function.Route,
                });
                // Exactly one httpTrigger and one http output: the shape the host forwards unchanged.
                bindings.Add(new JsonObject { ["name"] = "res", ["type"] = "http", ["direction"] = "out" });
                break;
            case FunctionTrigger.Queue:
                bindings.Add(new JsonObject
                {
                    ["name"] = function.BindingName,
                    ["type"] = "queueTrigger",
                    ["direction"] = "in",
                    ["queueName"] = function.QueueName,
                    ["connection"] = function.Connection,
                });
                break;
            case FunctionTrigger.ServiceBus:
                bindings.Add(new JsonObject
                {
                    ["name"] = function.BindingName,
                    ["type"] = "serviceBusTrigger",
                    ["direction"] = "in",
                    ["queueName"] = function.QueueName,
                    ["connection"] = function.Connection,
                });
                break;
            case FunctionTrigger.Timer:
                bindings.Add(new JsonObject
                {
                    ["name"] = function.BindingName,
                    ["type"] = "timerTrigger",
                    ["direction"] = "in",
                    ["schedule"] = function.Schedule,
                });
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(function), function.Trigger, "Unknown trigger kind.");
        }

        return new JsonObject { ["bindings"] = bindings };
    }

    public static string Render(FunctionDefinition function) => Build(function).ToJsonString(Indented) + "\n";
}
