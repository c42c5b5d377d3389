using System.Text.RegularExpressions;

namespace Triggers.Deploy.Tests.Infrastructure;

/// <summary>
/// One app setting as the compiled template writes it. A key built per item (<c>format('Channels__{0}__Platform', ...)</c>)
/// has each placeholder as <c>{}</c>. <see cref="Position"/> is the setting's place in the <c>union()</c> that
/// makes up the settings: later ones win.
/// </summary>
internal sealed record TemplateSetting(string Key, ArmNode Value, int Position)
{
    public bool IsDynamic => Key.Contains("{}", StringComparison.Ordinal);

    public override string ToString() => $"{Key} = {Value}";
}

/// <summary>
/// The function app's app settings: the properties of its <c>Microsoft.Web/sites/config</c> 'appsettings'
/// resource, followed through <c>variables()</c>, <c>union()</c>, <c>createObject()</c>, and the
/// <c>reduce()</c>/<c>toObject()</c> lambdas that build per-channel settings.
/// </summary>
internal sealed partial class AppSettings
{
    private readonly ArmTemplate _template;
    private readonly List<TemplateSetting> _settings = [];
    private readonly List<(string Parameter, int Position)> _passedThrough = [];
    private readonly List<string> _unreadable = [];
    private int _position;

    private AppSettings(ArmTemplate template) => _template = template;

    public IReadOnlyList<TemplateSetting> Settings => _settings;

    /// <summary>Parameters whose whole value is merged in (an operator's own settings), with their place in the union.</summary>
    public IReadOnlyList<(string Parameter, int Position)> PassedThrough => _passedThrough;

    /// <summary>Parts of the expression this reader does not know how to follow; the tests require none.</summary>
    public IReadOnlyList<string> Unreadable => _unreadable;

    public static AppSettings Read(ArmTemplate template)
    {
        var config = template.Resources.Single(r => r.Type == "Microsoft.Web/sites/config" && !r.IsExisting && ArmTemplate.NameSegments(r.Name)[^1] == "'appsettings'");
        var settings = new AppSettings(template);
        settings.Collect(config.Value("properties") ?? throw new InvalidOperationException($"{config.Where} has no properties"), []);
        return settings;
    }

    private void Collect(ArmNode node, HashSet<string> visitedVariables)
    {
        switch (node)
        {
            case ArmCall { Name: "variables", Args: [{ StringValue: { } name }] } when _template.Variables.ContainsKey(name):
                if (visitedVariables.Add(name))
                {
                    Collect(_template.Resolve(node), visitedVariables);
                }

                return;
            case ArmCall { Name: "parameters", Args: [{ StringValue: { } parameter }] }:
                _passedThrough.Add((parameter, _position++));
                return;
            case ArmJson { Object: { } literal }:
                foreach (var (key, value) in literal)
                {
                    Add(ArmValue.Of(System.Text.Json.Nodes.JsonValue.Create(key)), ArmValue.Of(value));
                }

                return;
            case ArmCall { Name: "createObject" } call:
                for (var i = 0; i + 1 < call.Args.Count; i += 2)
                {
                    Add(call.Args[i], call.Args[i + 1]);
                }

                return;
            case ArmCall { Name: "union" } call:
                foreach (var part in call.Args)
                {
                    Collect(part, visitedVariables);
                }

                return;
            // reduce(items, initial, lambda('all', 'item', union(lambdaVariables('all'), ...))): the settings are in the initial value and the lambda.
            case ArmCall { Name: "reduce", Args: [_, var initial, var lambda] }:
                Collect(initial, visitedVariables);
                Collect(lambda, visitedVariables);
                return;
            case ArmCall { Name: "lambda", Args: [.., var body] }:
                Collect(body, visitedVariables);
                return;
            // toObject(items, lambda('x', key), lambda('x', value)): one setting per item.
            case ArmCall { Name: "toObject", Args: [_, ArmCall { Name: "lambda" } key, ArmCall { Name: "lambda" } value] }:
                Add(key.Args[^1], value.Args[^1]);
                return;
            case ArmCall { Name: "lambdaVariables" }:
                return; // the accumulator of reduce(): what it holds is collected from the initial value and the body
            default:
                _unreadable.Add(node.ToString());
                return;
        }
    }

    private void Add(ArmNode key, ArmNode value) => _settings.Add(new TemplateSetting(KeyText(key), value, _position++));

    /// <summary>A literal key as it is; a <c>format()</c> key with each placeholder as <c>{}</c>; anything else <c>{}</c>.</summary>
    private static string KeyText(ArmNode key) => key switch
    {
        ArmLiteral { Value: string text } => text,
        ArmCall { Name: "format", Args: [{ StringValue: { } format }, ..] } => Placeholder().Replace(format, "{}"),
        _ => "{}",
    };

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
