using System.Collections.Concurrent;
using System.Text.Json;
using Triggers.Azure.Stores;
using Triggers.Core.Portfolio;

namespace Triggers.Hosting.Portfolio;

/// <summary>
/// Each tenant's last computed control lines for rules (<c>controls.*</c>), read from table ControlLines at most once a
/// minute per tenant: they change hourly, and rules read them on every signal of a tenant that names them.
/// </summary>
public sealed class ControlLineCache(TableControlLineStore store, TimeProvider time)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentDictionary<string, (DateTimeOffset ReadAt, ControlLineResult? Result)> _byTenant = new(StringComparer.Ordinal);

    public async ValueTask<ControlLineResult?> ForAsync(string tenant, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_byTenant.TryGetValue(tenant, out var cached) && now - cached.ReadAt < Freshness)
        {
            return cached.Result;
        }

        var json = await store.LatestJsonAsync(tenant, cancellationToken);
        var result = json is null ? null : JsonSerializer.Deserialize<ControlLineResult>(json, Json);
        _byTenant[tenant] = (now, result);
        return result;
    }

    /// <summary>This instance computed new lines: rules here see them at once.</summary>
    public void Note(ControlLineResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _byTenant[result.Tenant] = (time.GetUtcNow(), result);
    }
}
