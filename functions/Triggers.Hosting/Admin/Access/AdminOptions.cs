namespace Triggers.Hosting.Admin.Access;

/// <summary>Settings under <c>Admin</c>: who may call the admin API and the console, and which tenants each may see.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>
    /// The full-access key, named <c>admin</c> in what it changes. Standalone, callers send it in <c>x-functions-key</c>;
    /// unset (and no <see cref="Keys"/>) means the admin API is closed. Under the Functions host the host checks its
    /// own function keys first.
    /// </summary>
    public string? Key { get; set; }

    /// <summary>Named keys (<c>Admin:Keys:{name}:Key</c>, <c>…:Tenants</c>), for example one per agency's brand.</summary>
    public Dictionary<string, AdminKeyOptions> Keys { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>One named admin key.</summary>
public sealed class AdminKeyOptions
{
    /// <summary>The secret callers send; at least 16 characters.</summary>
    public string? Key { get; set; }

    /// <summary>The tenants the key may see and change, separated by commas (<c>brand-a,brand-b</c>), or <c>*</c> for all.</summary>
    public string? Tenants { get; set; }
}
