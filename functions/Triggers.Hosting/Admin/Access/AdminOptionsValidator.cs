using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Triggers.Hosting.Admin.Access;

/// <summary>Start-up checks for <see cref="AdminOptions"/>; every message names the setting to fix.</summary>
public sealed partial class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public const int MinKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(options.Key))
        {
            seen[options.Key] = "Admin:Key";
        }

        foreach (var (keyName, key) in options.Keys.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            var path = $"Admin:Keys:{keyName}";
            if (!NamePattern().IsMatch(keyName) || keyName == AdminCaller.FullAccessName)
            {
                failures.Add($"{path}: a key's name is 1-40 letters, digits, '-' or '_' (not '{AdminCaller.FullAccessName}', which is Admin:Key): it is recorded as who made each change.");
            }

            if (string.IsNullOrWhiteSpace(key.Key) || key.Key.Length < MinKeyLength || key.Key.Any(char.IsWhiteSpace))
            {
                failures.Add($"{path}:Key must be at least {MinKeyLength} characters without spaces, for example from `openssl rand -base64 24`.");
            }
            else if (key.Key.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase))
            {
                // App Service passes an unresolved reference through as text; taken as the key, it would match nothing
                // and leave the host key of that name with full access.
                failures.Add($"{path}:Key is a Key Vault reference that did not resolve: check that secret admin-key-{keyName.ToLowerInvariant().Replace('_', '-')} exists and the app's identity may read it.");
            }
            else if (seen.TryGetValue(key.Key, out var other))
            {
                failures.Add($"{path}:Key is the same as {other}: give every key its own value, so each change names who made it.");
            }
            else
            {
                seen[key.Key] = path;
            }

            if (AdminCaller.ParseTenants(key.Tenants) is { Count: 0 })
            {
                failures.Add($"{path}:Tenants is empty: list the tenants it may see, separated by commas (brand-a,brand-b), or * for all.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex NamePattern();
}
