using System.Text.RegularExpressions;
using Triggers.Testing;

namespace Triggers.Deploy.Tests.Infrastructure;

internal enum TriggerKind
{
    Http,
    Queue,
    Timer,
}

/// <summary>One function of the app as far as the infrastructure cares: its trigger and what that trigger needs.</summary>
internal sealed record AppFunction(string Name, TriggerKind Trigger, string? Route = null, string? AuthLevel = null, string? Queue = null, string? Connection = null);

/// <summary>Who reads a setting in Azure.</summary>
internal enum SettingReader
{
    /// <summary>The app's own code.</summary>
    App,

    /// <summary>The Functions host (identity-based connection settings, telemetry).</summary>
    Host,

    /// <summary>A library the app uses, by its documented convention (Azure.Identity, Microsoft.Extensions.Azure, the Azure Monitor exporter).</summary>
    Library,
}

/// <summary>
/// One app setting the template must set. <see cref="Key"/> uses <c>{}</c> for a part the template fills in per
/// item (a channel name). <see cref="Marker"/>, where given, is a regular expression that some .cs file under
/// functions/ must match: where the reader is today, so that moving or renaming it fails until this table is updated.
/// </summary>
internal sealed record SettingSpec(string Key, SettingReader Reader, string Why, string? Marker = null)
{
    public bool IsDynamic => Key.Contains("{}", StringComparison.Ordinal);
}

/// <summary>
/// What the isolated-worker function app (functions/Triggers.Functions) needs from Azure: its functions and
/// every app setting it and the Functions host read there. This is the one table to update when the app
/// changes; the Bicep tests hold the templates to it.
/// </summary>
internal static class FunctionAppContract
{
    public const string StorageConnection = "AzureWebJobsStorage";

    /// <summary>The Service Bus client's settings section; set, it makes the app publish touchpoint events to Service Bus.</summary>
    public const string ServiceBusConnection = "ServiceBus";

    /// <summary>The topic the app publishes touchpoint events to (sending only).</summary>
    public const string TouchpointsTopic = "touchpoints";

    public static IReadOnlyList<AppFunction> Functions { get; } =
    [
        new("Webhook", TriggerKind.Http, Route: "webhooks/{channel}", AuthLevel: "anonymous"),
        new("Health", TriggerKind.Http, Route: "health", AuthLevel: "anonymous"),
        // Several admin functions, all alike as far as Azure is concerned: the host checks x-functions-key.
        new("Admin", TriggerKind.Http, Route: "admin/...", AuthLevel: "function"),
        new("ProcessSignal", TriggerKind.Queue, Queue: "signals", Connection: StorageConnection),
        new("IngestSignal", TriggerKind.Queue, Queue: "ingest", Connection: StorageConnection),
        new("DispatchTouchpoints", TriggerKind.Timer),
        new("PurgeExpired", TriggerKind.Timer),
        new("ComputeControlLines", TriggerKind.Timer),
    ];

    private const string StorageIdentity = "functions/Triggers.Azure/Storage/IdentitySettings.cs";

    public static IReadOnlyList<SettingSpec> Settings { get; } =
    [
        // Storage, identity-based. The host: queue triggers, timer locks and function keys (blob); the app: tables and queues.
        new("AzureWebJobsStorage__blobServiceUri", SettingReader.Host, "timer locks and function keys are blobs (the host)"),
        new("AzureWebJobsStorage__queueServiceUri", SettingReader.App, $"queue triggers (the host) and the app's queues ({StorageIdentity})", "\"queueServiceUri\""),
        new("AzureWebJobsStorage__tableServiceUri", SettingReader.App, $"the app's tables ({StorageIdentity})", "\"tableServiceUri\""),
        new("AzureWebJobsStorage__credential", SettingReader.App, $"managed identity, for the host and the app ({StorageIdentity})", "\"credential\""),
        new("AzureWebJobsStorage__clientId", SettingReader.App, $"which user-assigned identity ({StorageIdentity})", "\"clientId\""),

        // Service Bus, sending only: set, the app publishes touchpoint events to topic `touchpoints`
        // (ARCHITECTURE.md, "The Azure stack"). Read as a client section by Microsoft.Extensions.Azure with the
        // Functions identity-connection names (Triggers.Hosting/Touchpoints: TouchpointEventsOptions, AddServiceBusClient).
        new("ServiceBus__fullyQualifiedNamespace", SettingReader.App, "the namespace to publish to; its presence selects the Service Bus publisher", @"public string\? FullyQualifiedNamespace\b"),
        new("ServiceBus__credential", SettingReader.Library, "managed identity for the Service Bus client", @"AddServiceBusClient\(section\)"),
        new("ServiceBus__clientId", SettingReader.Library, "which user-assigned identity the Service Bus client uses", @"AddServiceBusClient\(section\)"),

        // Analysis.
        new("Analysis__Provider", SettingReader.App, "the analyser: azure-language in Azure", @"public string Provider\b"),
        new("Analysis__AzureLanguage__Endpoint", SettingReader.App, "the Language account's custom-subdomain endpoint", @"public string\?? Endpoint\b"),

        // The app's TokenCredential (DefaultAzureCredential / ManagedIdentityCredential) finds the user-assigned identity by it.
        new("AZURE_CLIENT_ID", SettingReader.Library, "Azure.Identity picks the user-assigned identity by this id", @"new DefaultAzureCredential\("),

        // Telemetry: the host, and the worker's OpenTelemetry exporter when the connection string is set.
        new("APPLICATIONINSIGHTS_CONNECTION_STRING", SettingReader.Host, "where telemetry goes (the host and the worker's Azure Monitor exporter)"),
        new("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", SettingReader.Host, "Entra-authenticated ingestion for the host's telemetry (local auth is off)"),

        // Channels (Channels:{name}:...), one set per entry of the channels parameter.
        new("Channels__{}__Platform", SettingReader.App, "a channel's platform", @"section\[""Platform""\]"),
        new("Channels__{}__{}", SettingReader.App, "a channel's plain settings and Key Vault references to its secrets", @"SectionName = ""Channels"""),
        new("Admin__Keys__{}__Key", SettingReader.App, "an admin key kept to some tenants, a Key Vault reference", @"public Dictionary<string, AdminKeyOptions> Keys"),
        new("Admin__Keys__{}__Tenants", SettingReader.App, "the tenants that admin key may see", @"public string\? Tenants"),
    ];

    /// <summary>The Storage queues the queue triggers listen on.</summary>
    public static IReadOnlyList<string> TriggerQueues => [.. Functions.Where(f => f.Trigger == TriggerKind.Queue).Select(f => f.Queue!)];

    /// <summary>The connections the app and host use: the queue triggers' and the Service Bus client's.</summary>
    public static IReadOnlyList<string> Connections =>
        [.. Functions.Select(f => f.Connection).OfType<string>().Append(ServiceBusConnection).Distinct(StringComparer.Ordinal)];

    private static readonly Lazy<string> FunctionsSource = new(() => string.Join(
        '\n',
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "functions"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)));

    /// <summary>True when some .cs file under functions/ matches the setting's marker.</summary>
    public static bool ReaderIsPresent(SettingSpec setting) =>
        setting.Marker is null || Regex.IsMatch(FunctionsSource.Value, setting.Marker);
}
