using Azure.Core;
using Azure.Identity;

namespace Triggers.Azure.Storage;

/// <summary>
/// Identity-based connection settings (<c>{name}__accountName</c>, <c>__tableServiceUri</c>,
/// <c>__queueServiceUri</c>, <c>__credential</c>, <c>__clientId</c>), as the Functions host reads them.
/// </summary>
internal static class IdentitySettings
{
    public static IdentityConnection? TryParse(Func<string, string?> getSetting, string name)
    {
        var account = Get(getSetting, name, "accountName");
        var tableUri = Get(getSetting, name, "tableServiceUri");
        var queueUri = Get(getSetting, name, "queueServiceUri");
        if (account is null && tableUri is null && queueUri is null)
        {
            return null;
        }

        Uri? table = ServiceUri(tableUri);
        Uri? queue = ServiceUri(queueUri);
        if (account is { } a)
        {
            if (!IsAccountName(a.Value))
            {
                throw Fail(a.Key, $"'{a.Value}' is not a storage account name (3-24 lowercase letters and digits)");
            }

            table ??= new Uri($"https://{a.Value}.table.core.windows.net");
            queue ??= new Uri($"https://{a.Value}.queue.core.windows.net");
        }

        // Given one service URI of the usual shape, the other follows from it.
        table ??= Sibling(queue, "queue", "table")
            ?? throw Fail($"{name}__tableServiceUri", $"it is missing; set it (e.g. https://<account>.table.core.windows.net) or set {name}__accountName");
        queue ??= Sibling(table, "table", "queue")
            ?? throw Fail($"{name}__queueServiceUri", $"it is missing; set it (e.g. https://<account>.queue.core.windows.net) or set {name}__accountName");

        var accountName = account?.Value ?? AccountFromHost(table);
        return new IdentityConnection(table, queue, accountName, Credential(getSetting, name));
    }

    private static TokenCredential Credential(Func<string, string?> getSetting, string name)
    {
        var credential = Get(getSetting, name, "credential");
        var clientId = Get(getSetting, name, "clientId")?.Value;
        if (credential is null)
        {
            return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
        }

        if (!string.Equals(credential.Value.Value, "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            throw Fail(credential.Value.Key, $"'{credential.Value.Value}' is not supported; use 'managedidentity', or remove the setting to use DefaultAzureCredential");
        }

        return new ManagedIdentityCredential(
            clientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId));
    }

    /// <summary>Looks a property up as <c>name:prop</c> (configuration) or <c>name__prop</c> (flat settings).</summary>
    private static KeyValuePair<string, string>? Get(Func<string, string?> getSetting, string name, string property)
    {
        foreach (var separator in (string[])[":", "__"])
        {
            var key = $"{name}{separator}{property}";
            var value = getSetting(key);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return new KeyValuePair<string, string>($"{name}__{property}", value.Trim());
            }
        }

        return null;
    }

    private static Uri? ServiceUri(KeyValuePair<string, string>? setting)
    {
        if (setting is not { } s)
        {
            return null;
        }

        return Uri.TryCreate(s.Value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw Fail(s.Key, $"'{s.Value}' is not an absolute https URI such as https://<account>.table.core.windows.net");
    }

    private static Uri? Sibling(Uri? uri, string from, string to)
    {
        if (uri is null)
        {
            return null;
        }

        var labels = uri.Host.Split('.');
        if (labels.Length < 3 || labels[1] != from)
        {
            return null;
        }

        labels[1] = to;
        return new UriBuilder(uri) { Host = string.Join('.', labels) }.Uri;
    }

    private static string? AccountFromHost(Uri uri)
    {
        var labels = uri.Host.Split('.');
        return labels.Length >= 3 && labels[1] is "table" or "queue" or "blob" ? labels[0] : null;
    }

    private static bool IsAccountName(string value) =>
        value.Length is >= 3 and <= 24 && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c));

    private static StorageConfigurationException Fail(string setting, string problem) =>
        new(setting, $"Setting '{setting}' is not valid for an identity-based storage connection: {problem}.");
}

/// <summary>The endpoints and credential an identity-based connection names.</summary>
internal sealed record IdentityConnection(Uri Table, Uri Queue, string? AccountName, TokenCredential Credential);
