using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic;

/// <summary>
/// JsonLogic (jsonlogic.com) with json-logic-js semantics: JavaScript coercions and truthiness, where an empty
/// array is falsy too. Logic is compiled once; an unsupported operator fails compilation instead of evaluating to false.
/// </summary>
public static class JsonLogic
{
    /// <exception cref="JsonLogicException">The logic uses an unknown operator, an object with several keys, or a wrong argument count.</exception>
    public static JsonLogicExpression Compile(JsonNode? logic) => new(LogicCompiler.Compile(logic, LogicPath.Root));

    /// <summary>false for null, false, 0, NaN, "" and []; true for everything else.</summary>
    public static bool IsTruthy(JsonNode? value) => JsValue.IsTruthy(value);
}
