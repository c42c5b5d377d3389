using System.Text;
using System.Text.Json.Nodes;

namespace Triggers.Deploy.Tests.Infrastructure;

/// <summary>One node of a tree-sitter-bicep syntax tree, as <c>tools/bicep-parse/parse.js tree</c> prints it.</summary>
internal sealed class BicepNode
{
    private BicepNode(BicepFile file, BicepNode? parent, JsonObject json)
    {
        File = file;
        Parent = parent;
        Type = (string)json["type"]!;
        IsNamed = (bool)json["named"]!;
        Field = (string?)json["field"];
        Line = (int)json["line"]!;
        Column = (int)json["column"]!;
        Start = (int)json["start"]!;
        End = (int)json["end"]!;
        Children = json["children"] is JsonArray children
            ? [.. children.Select(c => new BicepNode(file, this, c!.AsObject()))]
            : [];
    }

    public BicepFile File { get; }

    public BicepNode? Parent { get; }

    public string Type { get; }

    public bool IsNamed { get; }

    /// <summary>The grammar's field name for this child (e.g. <c>body</c>, <c>object</c>), if any.</summary>
    public string? Field { get; }

    public int Line { get; }

    public int Column { get; }

    public int Start { get; }

    public int End { get; }

    public IReadOnlyList<BicepNode> Children { get; }

    /// <summary>Named children other than comments.</summary>
    public IEnumerable<BicepNode> Named => Children.Where(c => c.IsNamed && c.Type != "comment");

    /// <summary>The exact source text of this node.</summary>
    public string Text => File.Source[Start..End];

    public string Where => $"{File.RelativePath}:{Line}:{Column}";

    public static BicepNode Root(BicepFile file, JsonObject json) => new(file, null, json);

    public IEnumerable<BicepNode> DescendantsAndSelf()
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

    public BicepNode? PreviousNamedSibling()
    {
        if (Parent is null)
        {
            return null;
        }

        var siblings = Parent.Named.ToList();
        var index = siblings.IndexOf(this);
        return index > 0 ? siblings[index - 1] : null;
    }

    public BicepNode? NamedChild(string type) => Named.FirstOrDefault(c => c.Type == type);

    /// <summary>A plain string literal's value, or null for anything else (including interpolated strings).</summary>
    public string? StringValue()
    {
        if (Type != "string" || Named.Any(c => c.Type == "interpolation"))
        {
            return null;
        }

        var value = new StringBuilder();
        foreach (var part in Named)
        {
            value.Append(part.Type == "escape_sequence" ? Unescape(part.Text) : part.Text);
        }

        return value.ToString();
    }

    /// <summary>An object property key: identifier, string literal, or an interpolated key as written.</summary>
    public string KeyText() => Type switch
    {
        "identifier" => Text,
        "string" => StringValue() ?? Text.Trim('\''),
        _ => Text,
    };

    /// <summary>The properties of an <c>object</c> node: key text and value node, in source order.</summary>
    public IEnumerable<(string Key, BicepNode Value)> Properties()
    {
        if (Type != "object")
        {
            yield break;
        }

        foreach (var property in Named.Where(c => c.Type == "object_property"))
        {
            var parts = property.Named.ToList();
            if (parts[0].Type == "resource_declaration")
            {
                continue; // a nested resource, not a property
            }

            yield return (parts[0].KeyText(), parts[^1]);
        }
    }

    public BicepNode? Property(string key) =>
        Properties().Where(p => p.Key == key).Select(p => p.Value).FirstOrDefault();

    /// <summary>Follows a dotted path of object properties, e.g. <c>properties.functionAppConfig.runtime</c>.</summary>
    public BicepNode? PropertyPath(string path)
    {
        BicepNode? node = this;
        foreach (var key in path.Split('.'))
        {
            node = node?.Property(key);
        }

        return node;
    }

    /// <summary>For <c>name(args)</c>: the function name; otherwise null.</summary>
    public string? CalledFunction() =>
        Type == "call_expression" ? Children.FirstOrDefault(c => c.Field == "function")?.Text : null;

    public IReadOnlyList<BicepNode> Arguments() =>
        Type == "call_expression"
            ? [.. Children.First(c => c.Type == "arguments").Named]
            : [];

    public override string ToString() => $"{Type} at {Where}: {Text}";

    private static string Unescape(string escape) => escape switch
    {
        "\\'" => "'",
        "\\\\" => "\\",
        "\\n" => "\n",
        "\\r" => "\r",
        "\\t" => "\t",
        "\\$" => "$",
        _ => escape,
    };
}
