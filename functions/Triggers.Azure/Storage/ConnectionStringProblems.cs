namespace Triggers.Azure.Storage;

/// <summary>
/// What the SDK's connection-string parser would reject or misread, said precisely. The SDK accepts a key that is not
/// base64 and fails only on the first request, so that is checked here, at start-up.
/// </summary>
internal static class ConnectionStringProblems
{
    public static bool IsDevelopmentStorage(string connectionString) =>
        Pairs(connectionString) is { } pairs
        && pairs.TryGetValue("UseDevelopmentStorage", out var value)
        && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase)
        && !pairs.ContainsKey("DevelopmentStorageProxyUri");

    /// <summary>The value of one key of the string, or null.</summary>
    public static string? Value(string connectionString, string key) =>
        Pairs(connectionString) is { } pairs && pairs.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    public static string? Find(string connectionString)
    {
        if (Pairs(connectionString) is not { } pairs)
        {
            return "it is not of the form Name=Value;Name=Value";
        }

        if (pairs.TryGetValue("UseDevelopmentStorage", out var development))
        {
            return string.Equals(development, "true", StringComparison.OrdinalIgnoreCase) ? null : "UseDevelopmentStorage must be 'true'";
        }

        if (pairs.TryGetValue("DefaultEndpointsProtocol", out var protocol) && protocol is not ("http" or "https"))
        {
            return $"DefaultEndpointsProtocol '{protocol}' is neither http nor https";
        }

        foreach (var endpoint in (string[])["TableEndpoint", "QueueEndpoint", "BlobEndpoint"])
        {
            if (pairs.TryGetValue(endpoint, out var uri) && !Uri.TryCreate(uri, UriKind.Absolute, out _))
            {
                return $"{endpoint} '{uri}' is not an absolute URI";
            }
        }

        if (pairs.ContainsKey("SharedAccessSignature"))
        {
            return null;
        }

        if (!pairs.TryGetValue("AccountName", out var account) || account.Length == 0)
        {
            return "AccountName is missing";
        }

        if (!pairs.TryGetValue("AccountKey", out var key) || key.Length == 0)
        {
            return "AccountKey is missing (or use identity-based settings)";
        }

        Span<byte> buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key, buffer, out _) ? null : "AccountKey is not valid base64 (copy it again from the portal)";
    }

    private static Dictionary<string, string>? Pairs(string connectionString)
    {
        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return null;
            }

            pairs[part[..equals].Trim()] = part[(equals + 1)..].Trim();
        }

        return pairs.Count == 0 ? null : pairs;
    }
}
