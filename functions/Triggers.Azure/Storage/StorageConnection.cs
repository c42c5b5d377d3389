using Azure.Core;
using Microsoft.Extensions.Configuration;

namespace Triggers.Azure.Storage;

/// <summary>
/// Where the Table and Queue services are and how to authenticate to them, read the way the Functions
/// host reads a storage connection: a connection string under the connection name, or identity-based
/// <c>{name}__accountName</c> / <c>{name}__tableServiceUri</c> / <c>{name}__queueServiceUri</c> settings.
/// </summary>
public sealed class StorageConnection
{
    public const string DefaultConnectionName = "AzureWebJobsStorage";

    internal StorageConnection(
        Uri tableEndpoint,
        Uri queueEndpoint,
        Uri? blobEndpoint,
        string? accountName,
        StorageSharedKey? sharedKey,
        TokenCredential? credential,
        bool isDevelopmentStorage)
    {
        TableEndpoint = tableEndpoint;
        QueueEndpoint = queueEndpoint;
        BlobEndpoint = blobEndpoint;
        AccountName = accountName;
        SharedKey = sharedKey;
        Credential = credential;
        IsDevelopmentStorage = isDevelopmentStorage;
    }

    /// <summary><c>UseDevelopmentStorage=true</c>: Azurite's well-known account on 127.0.0.1:10000-10002.</summary>
    public static StorageConnection Development { get; } = ConnectionStringParser.Parse(
        DevelopmentStorage.ConnectionString, DefaultConnectionName);

    /// <summary>True only for <c>UseDevelopmentStorage=true</c> (the default ports), not for explicit emulator strings.</summary>
    public bool IsDevelopmentStorage { get; }

    public Uri TableEndpoint { get; }

    public Uri QueueEndpoint { get; }

    public Uri? BlobEndpoint { get; }

    /// <summary>The storage account name, when the settings name or imply it.</summary>
    public string? AccountName { get; }

    /// <summary>The Entra ID credential for identity-based connections; null for Shared Key.</summary>
    public TokenCredential? Credential { get; }

    internal StorageSharedKey? SharedKey { get; }

    /// <summary>
    /// Reads the connection <paramref name="connectionName"/> from configuration. With no setting at all it
    /// is <c>UseDevelopmentStorage=true</c>, the platform's documented default.
    /// </summary>
    public static StorageConnection FromConfiguration(
        IConfiguration configuration, string connectionName = DefaultConnectionName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return FromSettings(key => configuration[key], connectionName);
    }

    /// <summary>As <see cref="FromConfiguration"/>, over any key lookup (e.g. environment variables).</summary>
    public static StorageConnection FromSettings(
        Func<string, string?> getSetting, string connectionName = DefaultConnectionName)
    {
        ArgumentNullException.ThrowIfNull(getSetting);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);

        foreach (var key in (string[])[connectionName, $"ConnectionStrings:{connectionName}"])
        {
            var value = getSetting(key);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return ConnectionStringParser.Parse(value, key);
            }
        }

        return IdentitySettings.TryParse(getSetting, connectionName) ?? Development;
    }

    /// <summary>Parses a storage connection string; <paramref name="settingName"/> names it in errors.</summary>
    public static StorageConnection FromConnectionString(
        string connectionString, string settingName = DefaultConnectionName)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        return ConnectionStringParser.Parse(connectionString, settingName);
    }

    /// <summary>Describes the connection without its secrets.</summary>
    public override string ToString()
    {
        var auth = SharedKey is not null ? "shared key" : "Entra ID";
        return $"storage account {AccountName ?? "(unnamed)"} (tables {TableEndpoint}, queues {QueueEndpoint}, {auth})";
    }
}
