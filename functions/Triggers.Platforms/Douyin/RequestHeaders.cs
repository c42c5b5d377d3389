namespace Triggers.Platforms.Douyin;

/// <summary>Header look-up for the JSON-push adapters (Douyin, 抖店, Kuaishou), which carry their signatures in headers.</summary>
internal static class RequestHeaders
{
    /// <summary>A header's value, or null when absent or blank; found whatever its case.</summary>
    public static string? Get(WebhookRequest request, string name)
    {
        if (request.Headers.TryGetValue(name, out var value))
        {
            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }

        // The app hands over a case-insensitive dictionary, but a caller that builds a plain one should still work.
        foreach (var (key, candidate) in request.Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return string.IsNullOrWhiteSpace(candidate) ? null : candidate.Trim();
            }
        }

        return null;
    }
}
