using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Triggers.Deploy.Tests.Infrastructure;

/// <summary>
/// A value in a compiled ARM template: a literal, a JSON object or array, or a parsed template expression
/// (<c>"[format('{0}', parameters('name'))]"</c>). <see cref="ToString"/> writes expressions back in ARM syntax,
/// which is what the tests compare and what failure messages show.
/// </summary>
internal abstract class ArmNode
{
    public abstract IEnumerable<ArmNode> Children { get; }

    /// <summary>The value in ARM expression syntax (what the tests compare).</summary>
    public abstract override string ToString();

    /// <summary>A string literal's value; null for anything else.</summary>
    public string? StringValue => this is ArmLiteral { Value: string text } ? text : null;

    /// <summary>For <c>name(args)</c>: the function name; otherwise null.</summary>
    public string? CalledFunction => (this as ArmCall)?.Name;

    public IReadOnlyList<ArmNode> Arguments => (this as ArmCall)?.Args ?? [];

    /// <summary>True for a call of <paramref name="function"/> whose first argument is the string <paramref name="argument"/>, e.g. <c>parameters('tags')</c>.</summary>
    public bool Calls(string function, string argument) =>
        this is ArmCall call && call.Name.Equals(function, StringComparison.OrdinalIgnoreCase) && call.Args is [{ StringValue: var first }, ..] && first == argument;

    public IEnumerable<ArmNode> DescendantsAndSelf()
    {
        yield return this;
        foreach (var child in Children)
        {
            foreach (var node in child.DescendantsAndSelf())
            {
                yield return node;
            }
        }
    }
}

/// <summary>A string, number, boolean or null.</summary>
internal sealed class ArmLiteral(object? value) : ArmNode
{
    public object? Value { get; } = value;

    public override IEnumerable<ArmNode> Children => [];

    public override string ToString() => Value switch
    {
        null => "null",
        string text => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'",
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => Value.ToString() ?? string.Empty,
    };
}

/// <summary>A JSON object or array written out in the template; its members are values in turn.</summary>
internal sealed class ArmJson(JsonNode json) : ArmNode
{
    public JsonNode Json { get; } = json;

    public JsonObject? Object => Json as JsonObject;

    /// <summary>Property values, and for objects the keys too (a key can be an expression).</summary>
    public override IEnumerable<ArmNode> Children => Json switch
    {
        JsonObject o => o.SelectMany(p => new[] { ArmValue.Of(JsonValue.Create(p.Key)), ArmValue.Of(p.Value) }),
        JsonArray a => a.Select(ArmValue.Of),
        _ => [],
    };

    public ArmNode? Property(string name) => Object is { } o && o.TryGetPropertyValue(name, out var value) ? ArmValue.Of(value) : null;

    public override string ToString() => Json.ToJsonString();
}

internal sealed class ArmCall(string name, IReadOnlyList<ArmNode> args) : ArmNode
{
    public string Name { get; } = name;

    public IReadOnlyList<ArmNode> Args { get; } = args;

    public override IEnumerable<ArmNode> Children => Args;

    public override string ToString() => $"{Name}({string.Join(", ", Args)})";
}

/// <summary><c>target.name</c>.</summary>
internal sealed class ArmMember(ArmNode target, string name) : ArmNode
{
    public ArmNode Target { get; } = target;

    public string Name { get; } = name;

    public override IEnumerable<ArmNode> Children => [Target];

    public override string ToString() => $"{Target}.{Name}";
}

/// <summary><c>target[index]</c>.</summary>
internal sealed class ArmIndex(ArmNode target, ArmNode index) : ArmNode
{
    public ArmNode Target { get; } = target;

    public ArmNode Index { get; } = index;

    public override IEnumerable<ArmNode> Children => [Target, Index];

    public override string ToString() => $"{Target}[{Index}]";
}

internal static class ArmValue
{
    /// <summary>
    /// Reads a template value: a string in brackets is an expression (<c>[[</c> escapes a literal bracket),
    /// any other JSON value is itself.
    /// </summary>
    public static ArmNode Of(JsonNode? node) => node switch
    {
        null => new ArmLiteral(null),
        JsonObject or JsonArray => new ArmJson(node),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => OfString(value.GetValue<string>()),
            JsonValueKind.True => new ArmLiteral(true),
            JsonValueKind.False => new ArmLiteral(false),
            JsonValueKind.Number => new ArmLiteral(value.TryGetValue<long>(out var whole) ? whole : value.GetValue<double>()),
            _ => new ArmLiteral(null),
        },
        _ => new ArmLiteral(null),
    };

    private static ArmNode OfString(string text) =>
        text.StartsWith("[[", StringComparison.Ordinal) ? new ArmLiteral(text[1..])
        : text.Length >= 2 && text[0] == '[' && text[^1] == ']' ? ArmExpressionParser.Parse(text[1..^1])
        : new ArmLiteral(text);
}

/// <summary>The ARM template expression language: calls, <c>'strings'</c>, integers, <c>.member</c> and <c>[index]</c>.</summary>
internal sealed class ArmExpressionParser
{
    private readonly string _text;
    private int _at;

    private ArmExpressionParser(string text) => _text = text;

    public static ArmNode Parse(string expression)
    {
        var parser = new ArmExpressionParser(expression);
        var node = parser.Expression();
        parser.SkipSpace();
        return parser._at == expression.Length ? node : throw parser.Error("end of expression");
    }

    private ArmNode Expression()
    {
        var node = Primary();
        while (true)
        {
            SkipSpace();
            if (Accept('.'))
            {
                node = new ArmMember(node, Name(allowDots: false));
            }
            else if (Accept('['))
            {
                var index = Expression();
                Expect(']');
                node = new ArmIndex(node, index);
            }
            else
            {
                return node;
            }
        }
    }

    private ArmNode Primary()
    {
        SkipSpace();
        if (_at >= _text.Length)
        {
            throw Error("a value");
        }

        var c = _text[_at];
        if (c == '\'')
        {
            return new ArmLiteral(StringLiteral());
        }

        if (c == '-' || char.IsAsciiDigit(c))
        {
            var start = _at++;
            while (_at < _text.Length && (char.IsAsciiDigit(_text[_at]) || _text[_at] == '.'))
            {
                _at++;
            }

            var number = _text[start.._at];
            return new ArmLiteral(long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
                ? whole
                : double.Parse(number, CultureInfo.InvariantCulture));
        }

        // User-defined functions are namespaced: __bicep.name(...).
        var name = Name(allowDots: true);
        Expect('(');
        var args = new List<ArmNode>();
        SkipSpace();
        if (!Accept(')'))
        {
            do
            {
                args.Add(Expression());
                SkipSpace();
            }
            while (Accept(','));
            Expect(')');
        }

        return new ArmCall(name, args);
    }

    private string StringLiteral()
    {
        Expect('\'');
        var value = new StringBuilder();
        while (true)
        {
            if (_at >= _text.Length)
            {
                throw Error("a closing quote");
            }

            var c = _text[_at++];
            if (c != '\'')
            {
                value.Append(c);
            }
            else if (_at < _text.Length && _text[_at] == '\'')
            {
                value.Append('\'');
                _at++;
            }
            else
            {
                return value.ToString();
            }
        }
    }

    private string Name(bool allowDots)
    {
        SkipSpace();
        var start = _at;
        while (_at < _text.Length && (char.IsAsciiLetterOrDigit(_text[_at]) || _text[_at] == '_' || _text[_at] == '$' || (allowDots && _text[_at] == '.')))
        {
            _at++;
        }

        return _at > start ? _text[start.._at] : throw Error("a name");
    }

    private bool Accept(char c)
    {
        SkipSpace();
        if (_at < _text.Length && _text[_at] == c)
        {
            _at++;
            return true;
        }

        return false;
    }

    private void Expect(char c)
    {
        if (!Accept(c))
        {
            throw Error($"'{c}'");
        }
    }

    private void SkipSpace()
    {
        while (_at < _text.Length && char.IsWhiteSpace(_text[_at]))
        {
            _at++;
        }
    }

    private FormatException Error(string expected) =>
        new($"Cannot read ARM expression [{_text}]: expected {expected} at offset {_at}.");
}
