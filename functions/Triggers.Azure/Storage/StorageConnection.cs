using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Triggers.Azure.Storage;

/// <summary>
/// Where the Table and Queue services are and how to authenticate to them, read the way the Functions
/// host reads a storage connection: a connection string under the connection name, or identity-based
/// <c>{name}__accountName</c> / <c>{name}__tableServiceUri</c> / <c>{name}__queueServiceUri</c> settings.
/// Makes the SDK clients, so both hosts and the CLI build them one way.
/// </summary>
public sealed class StorageConnection
{
    public const string DefaultConnectionName = "AzureWebJobsStorage";

    private readonly string? _connectionString;

    private StorageConnection(
        string? connectionString, Uri tableEndpoint, Uri queueEndpoint, string? accountName, TokenCredential? credential, bool isDevelopmentStorage)
    {
        _connectionString = connectionString;
        TableEndpoint = tableEndpoint;
        QueueEndpoint = queueEndpoint;
        AccountName = accountName;
        Credential = credential;
        IsDevelopmentStorage = isDevelopmentStorage;
    }

    /// <summary><c>UseDevelopmentStorage=true</c>: Azurite's well-known account on 127.0.0.1:10000-10002.</summary>
    public static StorageConnection Development { get; } = FromConnectionString(DevelopmentStorage.ConnectionString);

    /// <summary>True only for <c>UseDevelopmentStorage=true</c> (the default ports), not for explicit emulator strings.</summary>
    public bool IsDevelopmentStorage { get; }

    public Uri TableEndpoint { get; }

    public Uri QueueEndpoint { get; }

    /// <summary>The Blob endpoint a connection string names (the emulator's for <c>UseDevelopmentStorage=true</c>); the app itself uses no blobs.</summary>
    public Uri? BlobEndpoint { get; private init; }

    /// <summary>The storage account name, when the settings name or imply it.</summary>
    public string? AccountName { get; }

    /// <summary>The Entra ID credential for identity-based connections; null for a connection string.</summary>
    public TokenCredential? Credential { get; }

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
                return FromConnectionString(value, key);
            }
        }

        return IdentitySettings.TryParse(getSetting, connectionName) is { } identity
            ? new StorageConnection(null, identity.Table, identity.Queue, identity.AccountName, identity.Credential, isDevelopmentStorage: false)
            : Development;
    }

    /// <summary>
    /// A storage connection string, checked by the SDK's own parser; <paramref name="settingName"/> names it in errors,
    /// which never repeat the string (it holds the account key).
    /// </summary>
    public static StorageConnection FromConnectionString(
        string connectionString, string settingName = DefaultConnectionName)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var problem = ConnectionStringProblems.Find(connectionString);
        if (problem is null)
        {
            try
            {
                var tables = new TableServiceClient(connectionString);
                var queues = new QueueServiceClient(connectionString);
                var isDevelopment = ConnectionStringProblems.IsDevelopmentStorage(connectionString);
                var blob = isDevelopment
                    ? DevelopmentStorage.BlobEndpointFor(Emulator.AzuritePorts.Default.Blob)
                    : ConnectionStringProblems.Value(connectionString, "BlobEndpoint") is { } named ? new Uri(named) : null;
                return new StorageConnection(connectionString, tables.Uri, queues.Uri, tables.AccountName, null, isDevelopment) { BlobEndpoint = blob };
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException or UriFormatException)
            {
                problem = "the storage SDK cannot read it";
            }
        }

        throw new StorageConfigurationException(
            settingName,
            $"Setting '{settingName}' is not a valid storage connection string: {problem}. Use UseDevelopmentStorage=true for the " +
            "local emulator, DefaultEndpointsProtocol=https;AccountName=<account>;AccountKey=<key>;EndpointSuffix=core.windows.net " +
            $"for an account key, or identity-based settings ({settingName}__accountName) instead of a string.");
    }

    /// <summary>The Table service client; a connection string authenticates by key, otherwise <see cref="Credential"/>.</summary>
    public TableServiceClient CreateTableServiceClient(TableClientOptions? options = null) =>
        _connectionString is not null
            ? new TableServiceClient(_connectionString, options)
            : new TableServiceClient(TableEndpoint, Credential!, options);

    /// <summary>The Queue service client, with base64 messages as the Functions queue trigger reads them (host.json).</summary>
    public QueueServiceClient CreateQueueServiceClient(QueueClientOptions? options = null)
    {
        options ??= new QueueClientOptions();
        options.MessageEncoding = QueueMessageEncoding.Base64;
        return _connectionString is not null
            ? new QueueServiceClient(_connectionString, options)
            : new QueueServiceClient(QueueEndpoint, Credential!, options);
    }

    /// <summary>Describes the connection without its secrets.</summary>
    public override string ToString()
    {
        var auth = _connectionString is not null ? "connection string" : "Entra ID";
        return $"storage account {AccountName ?? "(unnamed)"} (tables {TableEndpoint}, queues {QueueEndpoint}, {auth})";
    }
}
