using System.Text.RegularExpressions;

namespace Triggers.Deploy.Tests.Infrastructure;

/// <summary>One app setting as the template writes it. A dynamic key keeps its interpolations as <c>{}</c>.</summary>
internal sealed record AppSetting(string Key, BicepNode Value)
{
    public bool IsDynamic => Key.Contains("{}", StringComparison.Ordinal);
}

/// <summary>
/// The function app's app settings: the <c>Microsoft.Web/sites/config</c> 'appsettings' resource's
/// properties, followed through variables, <c>union()</c> and <c>toObject()</c>.
/// </summary>
internal static partial class AppSettings
{
    public static IReadOnlyList<AppSetting> Read(BicepFile file)
    {
        var config = file.Resources.Single(r => r.FullType == "Microsoft.Web/sites/config" && r.Body.Property("name")?.StringValue() == "appsettings");
        var settings = new List<AppSetting>();
        Collect(file, config.Body.Property("properties")!, settings, new HashSet<string>(StringComparer.Ordinal));
        return settings;
    }

    private static void Collect(BicepFile file, BicepNode node, List<AppSetting> settings, HashSet<string> visitedVariables)
    {
        if (node.Type == "identifier" && file.Variables.ContainsKey(node.Text))
        {
            if (visitedVariables.Add(node.Text))
            {
                Collect(file, file.Variables[node.Text], settings, visitedVariables);
            }

            return;
        }

        switch (node.Type)
        {
            case "object":
                // An object literal's keys are settings; its values are the settings' values, not more settings.
                settings.AddRange(node.Properties().Select(p => new AppSetting(Normalize(p.Key), p.Value)));
                return;
            case "call_expression" when node.CalledFunction() == "toObject" && node.Arguments() is [_, var key, var value]:
                settings.Add(new AppSetting(Normalize(LambdaBody(key).Text.Trim('\'')), LambdaBody(value)));
                return;
            default:
                foreach (var child in node.Named)
                {
                    Collect(file, child, settings, visitedVariables);
                }

                return;
        }
    }

    private static BicepNode LambdaBody(BicepNode lambda) => lambda.Type == "lambda_expression" ? lambda.Named.Last() : lambda;

    private static string Normalize(string key) => Interpolation().Replace(key, "{}");

    [GeneratedRegex(@"\$\{[^}]*\}")]
    private static partial Regex Interpolation();
}
