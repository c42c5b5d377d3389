using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic.Nodes;

namespace Triggers.Core.JsonLogic;

/// <summary>Turns JsonLogic JSON into a tree of nodes, rejecting anything it does not understand with its path.</summary>
internal static class LogicCompiler
{
    public static LogicNode Compile(JsonNode? logic, string path) => logic switch
    {
        JsonObject obj => CompileOperation(obj, path),
        JsonArray array => CompileArray(array, path),
        _ => LiteralNode.Of(logic),
    };

    private static LogicNode CompileArray(JsonArray array, string path)
    {
        var items = new LogicNode[array.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Compile(array[i], LogicPath.Index(path, i));
        }

        return ArrayNode.Create(array, items);
    }

    private static LogicNode CompileOperation(JsonObject obj, string path)
    {
        if (obj.Count == 0)
        {
            // JsonLogic treats an empty object as data, and so do we.
            return LiteralNode.Of(obj);
        }

        if (obj.Count > 1)
        {
            var keys = string.Join(", ", obj.Select(p => $"\"{p.Key}\""));
            throw new JsonLogicException(
                $"an operation must have exactly one key (the operator), but the object at {path} has {obj.Count}: {keys}; " +
                "combine conditions with \"and\" or \"or\"",
                path);
        }

        var (name, value) = obj.First();
        if (!Operators.TryGet(name, out var op))
        {
            throw new JsonLogicException(
                $"unknown operator \"{name}\" at {path}; supported operators: {Operators.SupportedList}",
                path);
        }

        var operandsPath = LogicPath.Member(path, name);
        LogicNode[] args = value is JsonArray array
            ? CompileOperands(array, operandsPath)
            : [Compile(value, operandsPath)];

        if (args.Length < op.MinArgs || args.Length > op.MaxArgs)
        {
            throw new JsonLogicException(
                $"operator \"{name}\" at {path} takes {op.DescribeArity()}, but was given {args.Length}",
                path);
        }

        return op.Create(args);
    }

    private static LogicNode[] CompileOperands(JsonArray array, string path)
    {
        var args = new LogicNode[array.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = Compile(array[i], LogicPath.Index(path, i));
        }

        return args;
    }
}
