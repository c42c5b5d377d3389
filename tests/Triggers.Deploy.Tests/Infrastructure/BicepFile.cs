using System.Text.Json.Nodes;

namespace Triggers.Deploy.Tests.Infrastructure;

internal sealed record BicepParameter(string Name, string TypeText, IReadOnlyList<string> Decorators, BicepNode? Default, BicepNode Node);

internal sealed record BicepOutput(string Name, string TypeText, IReadOnlyList<string> Decorators, BicepNode Value, BicepNode Node);

internal sealed record BicepModule(string Symbol, string Path, BicepNode Body, BicepNode Node);

/// <summary>
/// A resource declaration. <see cref="FullType"/> has no API version; a nested child's type is resolved
/// against its parent (<c>config</c> inside a site is <c>Microsoft.Web/sites/config</c>).
/// </summary>
internal sealed record BicepResource(
    string Symbol,
    string FullType,
    string ApiVersion,
    bool IsExisting,
    bool IsLoop,
    bool IsConditional,
    BicepNode Body,
    BicepResource? NestedIn,
    BicepNode Node);

/// <summary>One parsed .bicep file with its declarations.</summary>
internal sealed class BicepFile
{
    private readonly Lazy<IReadOnlyList<BicepResource>> _resources;

    public BicepFile(string relativePath, string source, IReadOnlyList<string> errors, JsonObject root)
    {
        RelativePath = relativePath;
        Source = source;
        Errors = errors;
        Root = BicepNode.Root(this, root);
        _resources = new(() => [.. ResourcesIn(Root, null)]);
    }

    /// <summary>Path from the repository root with forward slashes, e.g. <c>infra/modules/storage.bicep</c>.</summary>
    public string RelativePath { get; }

    public string Source { get; }

    public IReadOnlyList<string> Errors { get; }

    public BicepNode Root { get; }

    public string? TargetScope =>
        Root.NamedChild("target_scope_assignment")?.NamedChild("string")?.StringValue();

    public IEnumerable<BicepParameter> Parameters =>
        Root.Named.Where(n => n.Type == "parameter_declaration").Select(n =>
        {
            var parts = n.Named.ToList();
            return new BicepParameter(parts[0].Text, parts[1].Text, Decorators(n), parts.Count > 2 ? parts[2] : null, n);
        });

    public IEnumerable<BicepOutput> Outputs =>
        Root.Named.Where(n => n.Type == "output_declaration").Select(n =>
        {
            var parts = n.Named.ToList();
            return new BicepOutput(parts[0].Text, parts[1].Text, Decorators(n), parts[^1], n);
        });

    /// <summary>Variables by name, each with its value expression.</summary>
    public IReadOnlyDictionary<string, BicepNode> Variables =>
        Root.Named.Where(n => n.Type == "variable_declaration")
            .ToDictionary(n => n.Named.First().Text, n => n.Named.Last(), StringComparer.Ordinal);

    public IEnumerable<BicepModule> Modules =>
        Root.Named.Where(n => n.Type == "module_declaration").Select(n =>
        {
            var parts = n.Named.ToList();
            return new BicepModule(parts[0].Text, parts[1].StringValue()!, BodyOf(parts[^1]), n);
        });

    /// <summary>Every resource, nested ones included.</summary>
    public IReadOnlyList<BicepResource> Resources => _resources.Value;

    public BicepResource? Resource(string symbol) => Resources.FirstOrDefault(r => r.Symbol == symbol);

    /// <summary>The value a variable reference stands for, followed through chains of variables; else the node itself.</summary>
    public BicepNode Resolve(BicepNode node)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (node.Type == "identifier" && Variables.TryGetValue(node.Text, out var value) && seen.Add(node.Text))
        {
            node = value;
        }

        return node;
    }

    /// <summary>Decorator names (<c>secure</c>, <c>description</c>...) written just before a declaration.</summary>
    public static IReadOnlyList<string> Decorators(BicepNode declaration) =>
        declaration.PreviousNamedSibling() is { Type: "decorators" } decorators
            ? [.. decorators.Named.Select(d => d.Named.First().CalledFunction() ?? d.Named.First().Text)]
            : [];

    /// <summary>The object a declaration's value stands for, looking through <c>for</c> and <c>if</c>.</summary>
    private static BicepNode BodyOf(BicepNode value) => value.Type switch
    {
        "for_statement" => BodyOf(value.Children.First(c => c.Field == "body")),
        "if_statement" => BodyOf(value.Named.Last()),
        _ => value,
    };

    private static IEnumerable<BicepResource> ResourcesIn(BicepNode scope, BicepResource? parent)
    {
        // The grammar wraps a nested resource in an object_property of its own.
        var declarations = scope.Named
            .Select(n => n.Type == "object_property" && n.Named.FirstOrDefault() is { Type: "resource_declaration" } nested ? nested : n)
            .Where(n => n.Type == "resource_declaration");
        foreach (var declaration in declarations)
        {
            var parts = declaration.Named.ToList();
            var typeAndVersion = parts[1].StringValue()!;
            var at = typeAndVersion.IndexOf('@', StringComparison.Ordinal);
            var type = at < 0 ? typeAndVersion : typeAndVersion[..at];
            var version = at < 0 ? parent?.ApiVersion ?? string.Empty : typeAndVersion[(at + 1)..];
            var fullType = parent is not null && !type.Contains('/', StringComparison.Ordinal) ? $"{parent.FullType}/{type}" : type;
            var value = parts[^1];
            var resource = new BicepResource(
                parts[0].Text,
                fullType,
                version,
                IsExisting: declaration.Children.Any(c => !c.IsNamed && c.Type == "existing"),
                IsLoop: value.Type == "for_statement",
                IsConditional: value.Type == "if_statement",
                BodyOf(value),
                parent,
                declaration);
            yield return resource;
            foreach (var nested in ResourcesIn(resource.Body, resource))
            {
                yield return nested;
            }
        }
    }
}
