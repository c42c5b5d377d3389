using System.Collections.Frozen;
using Triggers.Core.JsonLogic.Nodes;
using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic;

/// <summary>
/// The supported operators: every operation on jsonlogic.com. Adding one is one node class and one row here.
/// </summary>
internal static class Operators
{
    private const int Any = int.MaxValue;

    private static readonly FrozenDictionary<string, Operator> Table = new Operator[]
    {
        new("var", 0, 2, VarNode.Create),
        new("missing", 0, Any, args => new MissingNode(args)),
        new("==", 2, 2, args => EqualityNode.Create(args[0], args[1], strict: false, negate: false)),
        new("!=", 2, 2, args => EqualityNode.Create(args[0], args[1], strict: false, negate: true)),
        new("===", 2, 2, args => EqualityNode.Create(args[0], args[1], strict: true, negate: false)),
        new("!==", 2, 2, args => EqualityNode.Create(args[0], args[1], strict: true, negate: true)),
        new("!", 1, 1, args => new NotNode(args[0], negate: true)),
        new("!!", 1, 1, args => new NotNode(args[0], negate: false)),
        new("and", 0, Any, args => new AndNode(args)),
        new("or", 0, Any, args => new OrNode(args)),
        new("if", 0, Any, args => new IfNode(args)),
        new("?:", 0, Any, args => new IfNode(args)),
        new("in", 2, 2, args => InNode.Create(args[0], args[1])),
        new("<", 2, 3, args => ComparisonNode.Create(JsComparison.LessThan, args)),
        new("<=", 2, 3, args => ComparisonNode.Create(JsComparison.LessThanOrEqual, args)),
        new(">", 2, 2, args => ComparisonNode.Create(JsComparison.GreaterThan, args)),
        new(">=", 2, 2, args => ComparisonNode.Create(JsComparison.GreaterThanOrEqual, args)),
        new("missing_some", 2, 2, args => new MissingSomeNode(args[0], args[1])),
        new("+", 0, Any, args => new AddNode(args)),
        new("-", 1, 2, args => new SubtractNode(args[0], args.Length > 1 ? args[1] : null)),
        new("*", 1, Any, args => new MultiplyNode(args)),
        new("/", 2, 2, args => new BinaryNumberNode(args[0], args[1], remainder: false)),
        new("%", 2, 2, args => new BinaryNumberNode(args[0], args[1], remainder: true)),
        new("min", 0, Any, args => new MinMaxNode(args, max: false)),
        new("max", 0, Any, args => new MinMaxNode(args, max: true)),
        new("map", 2, 2, args => new MapNode(args[0], args[1])),
        new("filter", 2, 2, args => new FilterNode(args[0], args[1])),
        new("reduce", 2, 3, args => new ReduceNode(args[0], args[1], args.Length > 2 ? args[2] : null)),
        new("all", 2, 2, args => new AllNode(args[0], args[1])),
        new("some", 2, 2, args => new SomeNode(args[0], args[1], none: false)),
        new("none", 2, 2, args => new SomeNode(args[0], args[1], none: true)),
        new("merge", 0, Any, args => new MergeNode(args)),
        new("cat", 0, Any, args => new CatNode(args)),
        new("substr", 1, 3, args => new SubstrNode(args[0], args.Length > 1 ? args[1] : null, args.Length > 2 ? args[2] : null)),
        new("log", 1, 1, args => new LogNode(args[0])),
    }.ToFrozenDictionary(op => op.Name, StringComparer.Ordinal);

    /// <summary>For error messages: what the writer of a rule may use instead.</summary>
    public static string SupportedList { get; } = string.Join(", ", Table.Keys.Order(StringComparer.Ordinal));

    public static bool TryGet(string name, out Operator op) => Table.TryGetValue(name, out op!);
}

internal sealed record Operator(string Name, int MinArgs, int MaxArgs, Func<LogicNode[], LogicNode> Create)
{
    public string DescribeArity() => (MinArgs, MaxArgs) switch
    {
        (var min, var max) when min == max => $"{min} argument{(min == 1 ? string.Empty : "s")}",
        (var min, int.MaxValue) => $"at least {min} arguments",
        (var min, var max) => $"{min} to {max} arguments",
    };
}
