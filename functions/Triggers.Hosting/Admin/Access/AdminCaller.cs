using Microsoft.AspNetCore.Http;

namespace Triggers.Hosting.Admin.Access;

/// <summary>
/// Who is calling the admin API: the key's name, recorded on every change it makes, and the tenants it may see (null:
/// all). The gate (<see cref="AdminGate"/>) puts it on the request before any handler runs.
/// </summary>
public sealed record AdminCaller(string Name, IReadOnlySet<string>? Tenants)
{
    /// <summary>The name of Admin:Key, and of a key the Functions host accepted that Admin:Keys does not list.</summary>
    public const string FullAccessName = "admin";

    private const string ItemKey = "triggers.admin-caller";

    public bool SeesAll => Tenants is null;

    public bool MaySee(string tenant) => Tenants is null || Tenants.Contains(tenant);

    /// <summary>What a change records as its author: the key's name, and the person the caller named, if any (<c>agency-a:lee</c>).</summary>
    public string By(string? person) => string.IsNullOrWhiteSpace(person) ? Name : $"{Name}:{person.Trim()}";

    /// <summary>The caller the gate admitted. A handler reached without the gate fails closed rather than acting for nobody.</summary>
    public static AdminCaller Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(ItemKey, out var caller) && caller is AdminCaller admitted
            ? admitted
            : throw new InvalidOperationException("An admin handler ran without the admin gate: route it through AdminGate (AdminKeyFilter standalone, AdminGateMiddleware in Functions).");
    }

    internal void Attach(HttpContext context) => context.Items[ItemKey] = this;

    /// <summary><c>a,b</c> → {a, b}; <c>*</c> → null (all); blank → empty.</summary>
    public static IReadOnlySet<string>? ParseTenants(string? tenants)
    {
        var parts = (tenants ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Contains("*") ? null : parts.ToHashSet(StringComparer.Ordinal);
    }
}
