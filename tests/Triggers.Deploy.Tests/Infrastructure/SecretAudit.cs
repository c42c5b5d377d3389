using System.Text.RegularExpressions;

namespace Triggers.Deploy.Tests.Infrastructure;

/// <summary>Finds parameters and outputs that carry, or look like they carry, a secret.</summary>
internal static partial class SecretAudit
{
    private static readonly HashSet<string> SecretWords = new(StringComparer.Ordinal)
    {
        "key", "keys", "secret", "secrets", "password", "passwd", "pwd", "token", "tokens", "sas", "credential", "credentials", "connectionstring",
    };

    // Properties that hold keys or connection strings (every list*() call is a leak as well).
    private static readonly string[] Leaks =
    [
        "ConnectionString", "connectionString", "primaryKey", "secondaryKey", "InstrumentationKey", "primaryConnectionString", "secondaryConnectionString",
    ];

    /// <summary>True for names such as STORAGE_KEY, adminPassword or APPLICATIONINSIGHTS_CONNECTION_STRING; "key vault" is a resource, not a key.</summary>
    public static bool LooksSecret(string name)
    {
        var words = WordBoundary().Split(name).Where(w => w.Length > 0).Select(w => w.ToLowerInvariant()).ToList();
        for (var i = 0; i < words.Count - 1; i++)
        {
            if (words[i] == "key" && words[i + 1] == "vault")
            {
                words.RemoveRange(i, 2);
                i--;
            }
        }

        return words.Any(SecretWords.Contains)
            || words.Zip(words.Skip(1)).Any(pair => pair is ("connection", "string"));
    }

    public static IReadOnlyList<string> Violations(IEnumerable<ArmTemplate> templates)
    {
        var violations = new List<string>();
        foreach (var template in templates)
        {
            var secureParameters = template.Parameters.Where(p => p.IsSecure).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var parameter in template.Parameters.Where(p => LooksSecret(p.Name)))
            {
                violations.Add($"{template.Origin}: parameter '{parameter.Name}' looks like a secret; secrets go to Key Vault, never through parameters");
            }

            foreach (var output in template.Outputs)
            {
                if (LooksSecret(output.Name))
                {
                    violations.Add($"{template.Origin}: output '{output.Name}' looks like a secret");
                }

                var nodes = output.Value.DescendantsAndSelf().ToList();
                var exposed = nodes.OfType<ArmCall>()
                    .Where(c => c.Name == "parameters" && c.Args is [{ StringValue: { } name }] && secureParameters.Contains(name))
                    .Select(c => c.Args[0].StringValue!)
                    .Distinct(StringComparer.Ordinal);
                foreach (var secure in exposed)
                {
                    violations.Add($"{template.Origin}: output '{output.Name}' exposes @secure() parameter '{secure}'");
                }

                // list*() hands out keys; these properties hold keys or connection strings.
                var read = nodes.OfType<ArmCall>().Select(c => c.Name).Where(n => n.StartsWith("list", StringComparison.OrdinalIgnoreCase))
                    .Concat(nodes.OfType<ArmMember>().Select(m => m.Name).Where(n => Leaks.Contains(n, StringComparer.Ordinal)))
                    .Distinct(StringComparer.Ordinal);
                foreach (var leak in read)
                {
                    violations.Add($"{template.Origin}: output '{output.Name}' reads {leak}");
                }
            }
        }

        return violations;
    }

    [GeneratedRegex("_+|-+|(?<=[a-z0-9])(?=[A-Z])")]
    private static partial Regex WordBoundary();
}
