namespace Triggers.Platforms;

/// <summary>Reads webhook query parameters, treating an empty value the same as a missing one.</summary>
public static class QueryParameters
{
    public static string? Get(IReadOnlyDictionary<string, string> query, string name) =>
        query.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    /// <summary>A 400 naming every missing parameter at once, or null when all are present.</summary>
    public static WebhookRejected? RequireAll(IReadOnlyDictionary<string, string> query, params ReadOnlySpan<string> names)
    {
        var missing = new List<string>();
        foreach (var name in names)
        {
            if (Get(query, name) is null)
            {
                missing.Add(name);
            }
        }

        return missing.Count == 0
            ? null
            : new WebhookRejected(400, $"missing query parameter{(missing.Count == 1 ? string.Empty : "s")} {string.Join(", ", missing)}");
    }
}
