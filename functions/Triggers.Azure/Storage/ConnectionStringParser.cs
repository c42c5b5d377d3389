namespace Triggers.Azure.Storage;

/// <summary>Parses storage connection strings in the format the Azure portal and Functions use.</summary>
internal static class ConnectionStringParser
{
    private const string Example =
        "Use 'UseDevelopmentStorage=true' for the local emulator, or " +
        "'DefaultEndpointsProtocol=https;AccountName=<account>;AccountKey=<base64 key>;EndpointSuffix=core.windows.net' " +
        "as shown under the storage account's Access keys";

    public static StorageConnection Parse(string connectionString, string settingName)
    {
        var parts = Split(connectionString, settingName);

        if (parts.TryGetValue("UseDevelopmentStorage", out var useDev))
        {
            if (!bool.TryParse(useDev, out var yes) || !yes)
            {
                throw Fail(settingName, $"UseDevelopmentStorage must be 'true' (found '{useDev}')");
            }

            if (parts.ContainsKey("DevelopmentStorageProxyUri"))
            {
                throw Fail(settingName, "DevelopmentStorageProxyUri is not supported; give explicit endpoints instead");
            }

            var emulator = Emulator.AzuritePorts.Default;
            return new StorageConnection(
                DevelopmentStorage.TableEndpointFor(emulator.Table),
                DevelopmentStorage.QueueEndpointFor(emulator.Queue),
                DevelopmentStorage.BlobEndpointFor(emulator.Blob),
                DevelopmentStorage.AccountName,
                StorageSharedKey.TryCreate(DevelopmentStorage.AccountName, DevelopmentStorage.AccountKey),
                credential: null,
                isDevelopmentStorage: true);
        }

        if (parts.ContainsKey("SharedAccessSignature"))
        {
            throw Fail(settingName, "SharedAccessSignature connection strings are not supported; use an account key or identity-based settings");
        }

        var account = Require(parts, "AccountName", settingName);
        var keyText = Require(parts, "AccountKey", settingName);
        var key = StorageSharedKey.TryCreate(account, keyText)
            ?? throw Fail(settingName, "AccountKey is not valid base64; copy the key again from the storage account's Access keys");

        var protocol = parts.GetValueOrDefault("DefaultEndpointsProtocol") ?? "https";
        if (protocol is not ("http" or "https"))
        {
            throw Fail(settingName, $"DefaultEndpointsProtocol must be 'http' or 'https' (found '{protocol}')");
        }

        var suffix = parts.GetValueOrDefault("EndpointSuffix") ?? "core.windows.net";
        return new StorageConnection(
            Endpoint(parts, "TableEndpoint", settingName) ?? Derived(protocol, account, "table", suffix, settingName),
            Endpoint(parts, "QueueEndpoint", settingName) ?? Derived(protocol, account, "queue", suffix, settingName),
            Endpoint(parts, "BlobEndpoint", settingName) ?? Derived(protocol, account, "blob", suffix, settingName),
            account,
            key,
            credential: null,
            isDevelopmentStorage: false);
    }

    private static Dictionary<string, string> Split(string connectionString, string settingName)
    {
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Only the first '=' separates: base64 keys end in '='.
            var equals = segment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw Fail(settingName, $"the part '{Redact(segment)}' is not of the form Name=Value");
            }

            parts[segment[..equals].Trim()] = segment[(equals + 1)..].Trim();
        }

        if (parts.Count == 0)
        {
            throw Fail(settingName, "it is empty");
        }

        return parts;
    }

    private static string Require(Dictionary<string, string> parts, string name, string settingName) =>
        parts.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw Fail(settingName, $"{name} is missing");

    private static Uri? Endpoint(Dictionary<string, string> parts, string name, string settingName)
    {
        if (!parts.TryGetValue(name, out var text))
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw Fail(settingName, $"{name} '{text}' is not an absolute http(s) URI");
    }

    private static Uri Derived(string protocol, string account, string service, string suffix, string settingName) =>
        Uri.TryCreate($"{protocol}://{account}.{service}.{suffix}", UriKind.Absolute, out var uri)
            ? uri
            : throw Fail(settingName, $"AccountName '{account}' and EndpointSuffix '{suffix}' do not form a valid host name");

    // A malformed segment may be a key; never echo more than its start.
    private static string Redact(string segment) => segment.Length <= 12 ? segment : segment[..12] + "…";

    private static StorageConfigurationException Fail(string settingName, string problem) =>
        new(settingName, $"Setting '{settingName}' is not a valid storage connection string: {problem}. {Example}.");
}
