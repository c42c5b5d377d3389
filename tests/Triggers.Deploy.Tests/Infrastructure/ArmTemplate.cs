using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Triggers.Deploy.Tests.Infrastructure;

internal sealed record ArmParameter(string Name, string Type, JsonObject Json)
{
    public bool HasDefault => Json.ContainsKey("defaultValue");

    public bool IsSecure => Type.StartsWith("secure", StringComparison.OrdinalIgnoreCase);

    public IReadOnlyList<string> AllowedValues => Json["allowedValues"] is JsonArray values ? [.. values.Select(v => v!.ToString())] : [];
}

internal sealed record ArmOutput(string Name, string Type, ArmNode Value);

/// <summary>
/// A resource as a type and its name segments, e.g. <c>Microsoft.Storage/storageAccounts/blobServices/containers</c>
/// with <c>parameters('storageAccountName')</c>, <c>'default'</c>, <c>variables('names')[copyIndex()]</c>:
/// the same resource reads the same however the template spells it (<c>resourceId()</c>, a scope path, a name).
/// </summary>
internal sealed record ResourceRef(string Type, IReadOnlyList<string> Names)
{
    public bool Equals(ResourceRef? other) =>
        other is not null && string.Equals(Type, other.Type, StringComparison.OrdinalIgnoreCase) && Names.SequenceEqual(other.Names, StringComparer.Ordinal);

    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Type);

    public override string ToString() => $"{Type}({string.Join(", ", Names)})";
}

/// <summary>
/// One resource of a compiled template. In a symbolic-name template (languageVersion 2.0) it has its Bicep
/// symbol (<c>site::settings</c> for a nested one) and <c>existing</c> references are kept; in a classic one
/// (resources as an array) it has no symbol and references are left out.
/// </summary>
internal sealed class ArmResource(ArmTemplate template, string? symbol, JsonObject json)
{
    public ArmTemplate Template { get; } = template;

    public string? Symbol { get; } = symbol;

    public JsonObject Json { get; } = json;

    public string Type => (string)Json["type"]!;

    public string ApiVersion => (string?)Json["apiVersion"] ?? string.Empty;

    public bool IsExisting => Json["existing"]?.GetValue<bool>() == true;

    public bool IsLoop => Json["copy"] is not null;

    public bool IsConditional => Json["condition"] is not null;

    public ArmNode Name => ArmValue.Of(Json["name"]);

    public string Where => $"{Template.Origin}: {Symbol ?? Name.ToString()} ({Type})";

    /// <summary>The JSON at a dotted path, e.g. <c>properties.functionAppConfig.runtime.name</c>.</summary>
    public JsonNode? Node(string path)
    {
        JsonNode? node = Json;
        foreach (var key in path.Split('.'))
        {
            node = node is JsonObject o && o.TryGetPropertyValue(key, out var child) ? child : null;
        }

        return node;
    }

    /// <summary>The value at a dotted path, or null when the path is absent.</summary>
    public ArmNode? Value(string path) => Node(path) is { } node ? ArmValue.Of(node) : null;

    /// <summary>A literal string at a dotted path (null if absent or an expression).</summary>
    public string? String(string path) => Value(path)?.StringValue;

    /// <summary>A literal boolean at a dotted path (null if absent or an expression).</summary>
    public bool? Bool(string path) => Value(path) is ArmLiteral { Value: bool flag } ? flag : null;

    /// <summary>This resource as type and name segments (its name <c>a/b</c> or <c>format('{0}/{1}', ...)</c> split).</summary>
    public ResourceRef Ref => new(Type, ArmTemplate.NameSegments(Name));

    public override string ToString() => Where;
}

/// <summary>A module as main sees it: a nested deployment with its parameter values and template.</summary>
internal sealed class ArmModule(ArmResource deployment, ArmTemplate template)
{
    public ArmResource Deployment { get; } = deployment;

    public ArmTemplate Template { get; } = template;

    public string Symbol => Deployment.Symbol ?? Deployment.Name.ToString();

    public IReadOnlyDictionary<string, ArmNode> Parameters =>
        Deployment.Node("properties.parameters") is JsonObject values
            ? values.ToDictionary(p => p.Key, p => ArmValue.Of(p.Value!["value"]), StringComparer.Ordinal)
            : new Dictionary<string, ArmNode>(StringComparer.Ordinal);
}

/// <summary>A compiled (ARM JSON) template, read with System.Text.Json.</summary>
internal sealed partial class ArmTemplate
{
    public ArmTemplate(JsonObject json, string origin)
    {
        Json = json;
        Origin = origin;
        Parameters = json["parameters"] is JsonObject parameters
            ? [.. parameters.Select(p => new ArmParameter(p.Key, (string)p.Value!["type"]!, p.Value.AsObject()))]
            : [];
        Variables = json["variables"] is JsonObject variables
            ? variables.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
            : new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        Resources = json["resources"] switch
        {
            JsonObject symbolic => [.. symbolic.Select(p => new ArmResource(this, p.Key, p.Value!.AsObject()))],
            JsonArray list => [.. list.Select(r => new ArmResource(this, null, r!.AsObject()))],
            _ => [],
        };
        Outputs = json["outputs"] is JsonObject outputs
            ? [.. outputs.Select(p => new ArmOutput(p.Key, (string)p.Value!["type"]!, ArmValue.Of(p.Value["value"])))]
            : [];
    }

    public JsonObject Json { get; }

    /// <summary>Where the template came from, for messages: <c>infra/modules/storage.bicep</c>.</summary>
    public string Origin { get; }

    public IReadOnlyList<ArmParameter> Parameters { get; }

    public IReadOnlyDictionary<string, JsonNode?> Variables { get; }

    public IReadOnlyList<ArmResource> Resources { get; }

    public IReadOnlyList<ArmOutput> Outputs { get; }

    /// <summary><c>subscription</c>, <c>resourceGroup</c>, <c>managementGroup</c> or <c>tenant</c>, from <c>$schema</c>.</summary>
    public string TargetScope => ((string?)Json["$schema"] ?? string.Empty) switch
    {
        var s when s.Contains("subscriptionDeploymentTemplate", StringComparison.Ordinal) => "subscription",
        var s when s.Contains("managementGroupDeploymentTemplate", StringComparison.Ordinal) => "managementGroup",
        var s when s.Contains("tenantDeploymentTemplate", StringComparison.Ordinal) => "tenant",
        _ => "resourceGroup",
    };

    /// <summary>Bicep's hash of the template; a module nested in main carries the same hash as the module compiled alone.</summary>
    public string? TemplateHash => (string?)Json["metadata"]?["_generator"]?["templateHash"];

    public IEnumerable<ArmModule> Modules =>
        Resources.Where(r => r.Type == "Microsoft.Resources/deployments" && r.Node("properties.template") is JsonObject)
            .Select(r => new ArmModule(r, new ArmTemplate(r.Node("properties.template")!.AsObject(), $"{Origin} › module {r.Symbol ?? r.Name.ToString()}")));

    public ArmResource? Resource(string symbol) => Resources.FirstOrDefault(r => r.Symbol == symbol);

    /// <summary>Every value in the template, parsed, except inside nested module templates.</summary>
    public IEnumerable<ArmNode> AllValues()
    {
        foreach (var (key, value) in Json)
        {
            if (key == "resources")
            {
                foreach (var resource in Resources)
                {
                    var own = resource.Json.Where(p => p.Key != "properties" || resource.Node("properties.template") is null);
                    foreach (var (_, part) in own)
                    {
                        foreach (var node in ArmValue.Of(part).DescendantsAndSelf())
                        {
                            yield return node;
                        }
                    }

                    if (resource.Node("properties.template") is not null && resource.Node("properties.parameters") is { } parameters)
                    {
                        foreach (var node in ArmValue.Of(parameters).DescendantsAndSelf())
                        {
                            yield return node;
                        }
                    }
                }
            }
            else if (key is not "metadata" and not "definitions")
            {
                foreach (var node in ArmValue.Of(value).DescendantsAndSelf())
                {
                    yield return node;
                }
            }
        }
    }

    /// <summary>
    /// Follows <c>variables('x')</c> to the variable's value and <c>variables('x').y</c> into an object
    /// variable's property, repeatedly; anything else is returned as it is.
    /// </summary>
    public ArmNode Resolve(ArmNode node)
    {
        for (var hops = 0; hops < 32; hops++)
        {
            switch (node)
            {
                case ArmCall { Name: "variables", Args: [{ StringValue: { } name }] } when Variables.TryGetValue(name, out var value):
                    node = ArmValue.Of(value);
                    continue;
                case ArmMember member when Resolve(member.Target) is ArmJson json && json.Property(member.Name) is { } property:
                    node = property;
                    continue;
                default:
                    return node;
            }
        }

        return node;
    }

    /// <summary>
    /// The resource an expression points at: <c>resourceId('type', names...)</c> (and its subscription,
    /// tenant and extension forms), a path <c>'Microsoft.X/type/{0}/child/{1}'</c> as a scope is written in a
    /// classic template, or <c>reference('symbol')</c> / a symbol itself in a symbolic-name template.
    /// </summary>
    public ResourceRef? RefOf(ArmNode node)
    {
        switch (node)
        {
            case ArmCall { Name: "reference" or "resourceInfo", Args: [var target, ..] }:
                return RefOf(target);
            case ArmCall { Name: "resourceId" or "subscriptionResourceId" or "tenantResourceId" or "extensionResourceId" } call:
                var typeAt = call.Args.ToList().FindIndex(a => a.StringValue is { } s && TypeName().IsMatch(s));
                return typeAt < 0 ? null : new ResourceRef(call.Args[typeAt].StringValue!, [.. call.Args.Skip(typeAt + 1).Select(a => a.ToString())]);
            case ArmLiteral { Value: string symbol } when Resource(symbol) is { } resource:
                return resource.Ref;
            case ArmLiteral { Value: string path } when TypeName().IsMatch(path):
                return PathRef(path, []);
            case ArmCall { Name: "format", Args: [{ StringValue: { } format }, ..] } call when TypeName().IsMatch(format):
                return PathRef(format, [.. call.Args.Skip(1)]);
            default:
                return null;
        }
    }

    /// <summary>A resource name split at '/': <c>'a/b'</c> or <c>format('{0}/{1}', x, 'b')</c> gives its segments' expressions.</summary>
    public static IReadOnlyList<string> NameSegments(ArmNode name) => name switch
    {
        ArmLiteral { Value: string text } => [.. text.Split('/').Select(s => new ArmLiteral(s).ToString())],
        ArmCall { Name: "format", Args: [{ StringValue: { } format }, ..] } call when FormatSegments(format.Split('/'), [.. call.Args.Skip(1)]) is { } segments => segments,
        _ => [name.ToString()],
    };

    private static ResourceRef? PathRef(string path, IReadOnlyList<ArmNode> args)
    {
        var parts = path.Split('/');
        if (parts.Length < 3 || parts.Length % 2 == 0)
        {
            return null;
        }

        // namespace / type / name [/ type / name ...]
        var types = new List<string> { parts[0], parts[1] };
        var names = new List<string> { parts[2] };
        for (var i = 3; i + 1 < parts.Length; i += 2)
        {
            types.Add(parts[i]);
            names.Add(parts[i + 1]);
        }

        return FormatSegments(names, args) is { } segments ? new ResourceRef(string.Join('/', types), segments) : null;
    }

    /// <summary>Each segment a whole placeholder <c>{n}</c> (then the argument) or plain text (then a literal).</summary>
    private static List<string>? FormatSegments(IEnumerable<string> segments, IReadOnlyList<ArmNode> args)
    {
        var result = new List<string>();
        foreach (var segment in segments)
        {
            var placeholder = Placeholder().Match(segment);
            if (placeholder.Success)
            {
                var index = int.Parse(placeholder.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (index >= args.Count)
                {
                    return null;
                }

                result.Add(args[index].ToString());
            }
            else if (segment.Contains('{', StringComparison.Ordinal))
            {
                return null;
            }
            else
            {
                result.Add(new ArmLiteral(segment).ToString());
            }
        }

        return result;
    }

    [GeneratedRegex(@"^Microsoft\.[A-Za-z]+/[A-Za-z]+")]
    private static partial Regex TypeName();

    [GeneratedRegex(@"^\{(\d+)\}$")]
    private static partial Regex Placeholder();
}
