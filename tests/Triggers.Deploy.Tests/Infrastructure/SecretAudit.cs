using System.Text.RegularExpressions;

namespace Triggers.Deploy.Tests.Infrastructure;

/// <summary>Finds parameters and outputs that carry, or look like they carry, a secret.</summary>
internal static partial class SecretAudit
{
    private static readonly HashSet<string> SecretWords = new(StringComparer.Ordinal)
    {
        "key", "keys", "secret", "secrets", "password", "passwd", "pwd", "token", "tokens", "sas", "credential", "credentials", "connectionstring",
    };

    // Calls and properties that hand out keys or connection strings.
    private static readonly string[] Leaks =
    [
        "listKeys", "listSecrets", "listConnectionStrings", "listAccountSas", "listServiceSas", "listCredentials",
        "ConnectionString", "connectionString", "primaryKey", "secondaryKey", "InstrumentationKey", "primaryConnectionString",
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

    public static IReadOnlyList<string> Violations(IEnumerable<BicepFile> files)
    {
        var violations = new List<string>();
        foreach (var file in files)
        {
            var secureParameters = file.Parameters.Where(p => p.Decorators.Contains("secure")).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var parameter in file.Parameters.Where(p => LooksSecret(p.Name)))
            {
                violations.Add($"{parameter.Node.Where}: parameter '{parameter.Name}' looks like a secret; secrets go to Key Vault, never through parameters");
            }

            foreach (var output in file.Outputs)
            {
                if (LooksSecret(output.Name))
                {
                    violations.Add($"{output.Node.Where}: output '{output.Name}' looks like a secret");
                }

                var identifiers = output.Value.DescendantsAndSelf().Where(n => n.Type is "identifier" or "property_identifier").Select(n => n.Text).ToList();
                foreach (var secure in identifiers.Where(secureParameters.Contains).Distinct())
                {
                    violations.Add($"{output.Node.Where}: output '{output.Name}' exposes @secure() parameter '{secure}'");
                }

                foreach (var leak in Leaks.Where(l => identifiers.Contains(l, StringComparer.Ordinal)))
                {
                    violations.Add($"{output.Node.Where}: output '{output.Name}' reads {leak}");
                }
            }
        }

        return violations;
    }

    [GeneratedRegex("_+|-+|(?<=[a-z0-9])(?=[A-Z])")]
    private static partial Regex WordBoundary();
}
