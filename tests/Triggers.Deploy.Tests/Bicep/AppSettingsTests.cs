using System.Text.RegularExpressions;
using Triggers.Core.Hosting;
using Triggers.Deploy.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.Deploy.Tests.Bicep;

/// <summary>The function app's settings give the app and the Functions host everything they read in Azure, and nothing else.</summary>
public sealed partial class AppSettingsTests(InfraFixture infra)
{
    private const string IdentitySettings = "functions/Triggers.Azure/Storage/IdentitySettings.cs";

    // Identity-based connection properties the Functions host itself understands (functions-reference, "identity-based connections").
    private static readonly HashSet<string> HostConnectionProperties = new(StringComparer.Ordinal)
    {
        "fullyQualifiedNamespace", "credential", "clientId", "accountName", "blobServiceUri", "queueServiceUri", "tableServiceUri",
    };

    // Settings without a configuration section, and who reads them.
    private static readonly Dictionary<string, string> PlatformSettings = new(StringComparer.Ordinal)
    {
        ["AZURE_CLIENT_ID"] = "Azure.Identity's DefaultAzureCredential",
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "the Functions host's telemetry",
        ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "the Functions host's telemetry",
    };

    private static readonly Lazy<string> FunctionsSource = new(() => string.Join(
        '\n',
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "functions"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)));

    /// <summary>Settings the app reads in Azure: the file that reads each and what to look for there.</summary>
    public static TheoryData<string, string, string> AppReads => new()
    {
        { "AzureWebJobsStorage__tableServiceUri", IdentitySettings, "\"tableServiceUri\"" },
        { "AzureWebJobsStorage__queueServiceUri", IdentitySettings, "\"queueServiceUri\"" },
        { "AzureWebJobsStorage__credential", IdentitySettings, "\"credential\"" },
        { "AzureWebJobsStorage__clientId", IdentitySettings, "\"clientId\"" },
        { "Analysis__Provider", "functions/Triggers.App/Analysis/AnalysisOptions.cs", "public string Provider" },
        { "Analysis__AzureLanguage__Endpoint", "functions/Triggers.App/Analysis/AzureLanguageSettings.cs", "public string? Endpoint" },
        // No TokenCredential is registered, so the Language client's DefaultAzureCredential needs the identity's client id.
        { "AZURE_CLIENT_ID", "functions/Triggers.App/Analysis/AzureLanguageClientFactory.cs", "new DefaultAzureCredential()" },
    };

    private IReadOnlyList<AppSetting> Settings => AppSettings.Read(infra.FunctionApp);

    [Theory]
    [MemberData(nameof(AppReads))]
    public void A_setting_the_app_reads_is_set_and_its_reader_is_still_there(string key, string readBy, string marker)
    {
        var source = File.ReadAllText(Path.Combine(RepositoryPaths.Root, readBy));
        Assert.True(source.Contains(marker, StringComparison.Ordinal), $"{readBy} no longer contains {marker}: update this list to what the app reads now");

        Assert.Contains(key, Settings.Select(s => s.Key));
    }

    [Fact]
    public void Every_trigger_connection_in_the_catalog_is_identity_based_with_the_user_assigned_identity()
    {
        var settings = Settings.Where(s => !s.IsDynamic).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        var connections = FunctionCatalog.All.Where(f => f.Connection is not null).GroupBy(f => f.Connection!).ToList();
        Assert.NotEmpty(connections);

        foreach (var connection in connections)
        {
            Assert.False(settings.ContainsKey(connection.Key), $"{connection.Key} is set as a connection string; use identity-based settings");
            Assert.Equal("managedidentity", Assert.Contains($"{connection.Key}__credential", settings).StringValue());
            Assert.Equal("identity.properties.clientId", Assert.Contains($"{connection.Key}__clientId", settings).Text);
            if (connection.Any(f => f.Trigger == FunctionTrigger.ServiceBus))
            {
                Assert.Contains($"{connection.Key}__fullyQualifiedNamespace", settings);
            }

            if (connection.Any(f => f.Trigger == FunctionTrigger.Queue))
            {
                Assert.Contains($"{connection.Key}__queueServiceUri", settings);
            }
        }
    }

    [Fact]
    public void The_host_finds_blob_storage_for_timer_locks_and_function_keys()
    {
        // Timers take blob leases and function-level keys are kept in blobs, both through AzureWebJobsStorage.
        Assert.Contains(FunctionCatalog.All, f => f.Trigger == FunctionTrigger.Timer || f.AuthLevel == "function");

        Assert.Contains($"{FunctionCatalog.StorageConnection}__blobServiceUri", Settings.Select(s => s.Key));
    }

    [Fact]
    public void Telemetry_goes_to_Application_Insights_authenticated_as_the_identity()
    {
        var settings = Settings.Where(s => !s.IsDynamic).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);

        Assert.Contains("APPLICATIONINSIGHTS_CONNECTION_STRING", settings);
        var authentication = Assert.Contains("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", settings).Text;
        Assert.Equal("'ClientId=${identity.properties.clientId};Authorization=AAD'", authentication);
    }

    [Fact]
    public void The_analysis_provider_the_template_selects_is_one_the_app_accepts()
    {
        var provider = Assert.Single(Settings, s => s.Key == "Analysis__Provider").Value.StringValue();
        var options = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "functions/Triggers.App/Analysis/AnalysisOptions.cs"));

        Assert.NotNull(provider);
        Assert.Contains($"Provider = \"{provider}\";", options, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_setting_is_read_by_the_app_the_Functions_host_or_a_library()
    {
        var connections = FunctionCatalog.All.Select(f => f.Connection).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var unread = new List<string>();
        foreach (var setting in Settings.Where(s => !s.IsDynamic))
        {
            var segments = setting.Key.Split("__");
            var read = segments.Length == 1
                ? PlatformSettings.ContainsKey(setting.Key)
                : connections.Contains(segments[0])
                    ? segments.Length == 2 && HostConnectionProperties.Contains(segments[1])
                    : segments.All(s => Regex.IsMatch(FunctionsSource.Value, $@"\b{Regex.Escape(s)}\b"));
            if (!read)
            {
                unread.Add(setting.Key);
            }
        }

        Assert.Empty(unread);
    }

    [Fact]
    public void No_setting_is_one_Flex_Consumption_rejects_or_a_plain_secret()
    {
        string[] forbidden =
        [
            // Flex Consumption takes these from functionAppConfig or does not support them.
            "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_WORKER_RUNTIME_VERSION", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE",
            "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_CONTENTSHARE", "SCM_DO_BUILD_DURING_DEPLOYMENT", "ENABLE_ORYX_BUILD",
            // In Azure the host checks function keys; an admin key in settings would be a secret in plain text.
            "Admin__Key",
        ];

        Assert.Empty(Settings.Select(s => s.Key).Intersect(forbidden, StringComparer.OrdinalIgnoreCase));
        Assert.DoesNotContain(Settings, s => s.Value.Text.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Channels_come_from_the_channels_parameter_with_every_secret_a_Key_Vault_reference()
    {
        var registry = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "functions/Triggers.App/Channels/ChannelRegistry.cs"));
        Assert.Contains("SectionName = \"Channels\"", registry, StringComparison.Ordinal);
        Assert.Contains("section[\"Platform\"]", registry, StringComparison.Ordinal);

        var dynamic = Settings.Where(s => s.IsDynamic).ToList();
        Assert.All(dynamic, s => Assert.StartsWith("Channels__{}__", s.Key, StringComparison.Ordinal));
        Assert.Contains(dynamic, s => s.Key == "Channels__{}__Platform");
        var secretSettings = infra.FunctionApp.Root.DescendantsAndSelf()
            .Where(n => n.CalledFunction() == "toObject" && n.Arguments()[0].Text.Contains("secrets", StringComparison.Ordinal))
            .ToList();
        var secrets = Assert.Single(secretSettings);
        Assert.StartsWith("'@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/", secrets.Arguments()[2].Named.Last().Text, StringComparison.Ordinal);
        Assert.Equal("channels", infra.Main.Modules.Single(m => m.Path == "modules/function-app.bicep").Body.PropertyPath("params.channels")?.Text);
    }

    [Fact]
    public void The_Key_Vault_reference_points_at_the_vault_the_template_creates()
    {
        var vaultUri = Assert.Contains("vaultUri", infra.FunctionApp.Variables).Text;
        var keyVaultParameter = infra.Main.Modules.Single(m => m.Path == "modules/function-app.bicep").Body.PropertyPath("params.keyVaultName")?.Text;

        Assert.Equal("'https://${keyVaultName}${environment().suffixes.keyvaultDns}/'", vaultUri);
        Assert.Equal("keyVault.outputs.name", keyVaultParameter);
    }
}
