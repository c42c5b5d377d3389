using Triggers.Deploy.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.Deploy.Tests.Bicep;

/// <summary>
/// The function app's settings give the app and the Functions host everything they read in Azure, and nothing
/// else: the compiled template's settings are exactly <see cref="FunctionAppContract.Settings"/>.
/// </summary>
public sealed class AppSettingsTests(InfraFixture infra)
{
    private const string IdentityClientId = "reference('identity').clientId";

    public static TheoryData<string> ContractSettings => [.. FunctionAppContract.Settings.Select(s => s.Key)];

    private AppSettings Read => AppSettings.Read(infra.FunctionApp);

    private IReadOnlyList<TemplateSetting> Settings => Read.Settings;

    private Dictionary<string, ArmNode> Static => Settings.Where(s => !s.IsDynamic).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);

    [Fact]
    public void The_reader_follows_every_part_of_the_settings_expression()
    {
        var read = Read;

        Assert.Empty(read.Unreadable);
        Assert.Equal(["additionalAppSettings"], read.PassedThrough.Select(p => p.Parameter));
        // A key written twice would leave one value unused (union() keeps the last).
        var duplicates = Settings.Where(s => !s.IsDynamic).GroupBy(s => s.Key, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicates);
    }

    [Theory]
    [MemberData(nameof(ContractSettings))]
    public void A_setting_the_app_or_host_reads_is_set_and_its_reader_is_still_there(string key)
    {
        var setting = FunctionAppContract.Settings.Single(s => s.Key == key);

        Assert.True(
            FunctionAppContract.ReaderIsPresent(setting),
            $"no .cs file under functions/ matches /{setting.Marker}/ any more ({setting.Why}): update FunctionAppContract.Settings to what the app reads now");
        Assert.Contains(key, Settings.Select(s => s.Key));
    }

    [Fact]
    public void Every_setting_the_template_writes_is_in_the_contract()
    {
        var contract = FunctionAppContract.Settings.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);

        var unread = Settings.Select(s => s.Key).Where(k => !contract.Contains(k)).ToList();

        Assert.True(unread.Count == 0, $"set but read by nothing in FunctionAppContract.Settings: {string.Join(", ", unread)}");
    }

    [Fact]
    public void Every_connection_is_identity_based_with_the_user_assigned_identity()
    {
        var settings = Static;
        Assert.Equal(IdentityClientId, settings["AZURE_CLIENT_ID"].ToString());
        Assert.Equal("Microsoft.ManagedIdentity/userAssignedIdentities", infra.FunctionApp.Resource("identity")?.Type);

        foreach (var connection in FunctionAppContract.Connections)
        {
            Assert.False(settings.ContainsKey(connection), $"{connection} is set as a connection string; use identity-based settings");
            Assert.Equal("managedidentity", Assert.Contains($"{connection}__credential", settings).StringValue);
            Assert.Equal(IdentityClientId, Assert.Contains($"{connection}__clientId", settings).ToString());
        }
    }

    [Fact]
    public void Storage_settings_name_each_service_the_host_and_the_app_use_from_the_account_itself()
    {
        var settings = Static;
        var storage = FunctionAppContract.StorageConnection;

        // Queue triggers and the app's queues; the app's tables; timer locks and function keys in blobs.
        Assert.Contains(FunctionAppContract.Functions, f => f.Trigger == TriggerKind.Queue && f.Connection == storage);
        Assert.Contains(FunctionAppContract.Functions, f => f.Trigger == TriggerKind.Timer || f.AuthLevel == "function");
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            Assert.Equal($"reference('storage').primaryEndpoints.{service}", Assert.Contains($"{storage}__{service}ServiceUri", settings).ToString());
        }

        Assert.Equal("Microsoft.Storage/storageAccounts", infra.FunctionApp.Resource("storage")?.Type);
        Assert.False(settings.ContainsKey($"{storage}__accountName"), "the service URIs already say where the account is; accountName beside them is a second truth");
    }

    [Fact]
    public void Service_Bus_settings_name_the_namespace_the_template_creates()
    {
        var settings = Static;
        var serviceBus = FunctionAppContract.ServiceBusConnection;

        var fullyQualifiedNamespace = Assert.Contains($"{serviceBus}__fullyQualifiedNamespace", settings);

        Assert.Equal("split(split(reference('serviceBus').serviceBusEndpoint, '/')[2], ':')[0]", fullyQualifiedNamespace.ToString());
        Assert.Equal("Microsoft.ServiceBus/namespaces", infra.FunctionApp.Resource("serviceBus")?.Type);
        var module = Assert.Single(infra.MainModules, m => infra.SourceOf(m)?.RelativePath == "infra/modules/function-app.bicep");
        Assert.Equal("reference('serviceBus').outputs.name.value", module.Parameters["serviceBusNamespaceName"].ToString());
    }

    [Fact]
    public void No_setting_is_left_from_the_custom_handler_or_the_Service_Bus_ingest_queue()
    {
        var keys = Settings.Select(s => s.Key).ToList();

        Assert.DoesNotContain(keys, k => k.StartsWith("ServiceBusConnection", StringComparison.Ordinal));
        Assert.DoesNotContain(keys, k => k.StartsWith("FUNCTIONS_CUSTOMHANDLER", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(Settings, s => s.Value.ToString().Contains("custom", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Telemetry_goes_to_Application_Insights_authenticated_as_the_identity()
    {
        var settings = Static;

        Assert.Equal("reference('applicationInsights').ConnectionString", Assert.Contains("APPLICATIONINSIGHTS_CONNECTION_STRING", settings).ToString());
        Assert.Equal(
            $"format('ClientId={{0}};Authorization=AAD', {IdentityClientId})",
            Assert.Contains("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", settings).ToString());
    }

    [Fact]
    public void The_analysis_provider_the_template_selects_is_one_the_app_accepts()
    {
        var provider = Assert.Contains("Analysis__Provider", Static).StringValue;

        Assert.NotNull(provider);
        Assert.True(
            FunctionAppContract.ReaderIsPresent(new SettingSpec("Analysis__Provider", SettingReader.App, "a provider the app knows", System.Text.RegularExpressions.Regex.Escape($"Provider = \"{provider}\";"))),
            $"no .cs file under functions/ declares the provider \"{provider}\"");
        Assert.Equal("reference('language').endpoint", Assert.Contains("Analysis__AzureLanguage__Endpoint", Static).ToString());
    }

    [Fact]
    public void The_operators_settings_cannot_override_a_connection_or_telemetry_setting()
    {
        var additional = Assert.Single(Read.PassedThrough, p => p.Parameter == "additionalAppSettings").Position;
        string[] prefixes = ["AzureWebJobsStorage__", "ServiceBus__", "APPLICATIONINSIGHTS_", "Channels__"];

        // union() lets later objects win: everything the operator must not change comes after additionalAppSettings.
        var overridable = Settings.Where(s => s.Position < additional && prefixes.Any(p => s.Key.StartsWith(p, StringComparison.Ordinal))).ToList();

        Assert.Empty(overridable);
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
        Assert.DoesNotContain(Settings, s => s.Value.ToString().Contains("AccountKey=", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(Settings, s => s.Value.DescendantsAndSelf().Any(n => n.CalledFunction?.StartsWith("list", StringComparison.OrdinalIgnoreCase) == true));
    }

    [Fact]
    public void Channels_come_from_the_channels_parameter_with_every_secret_a_Key_Vault_reference()
    {
        var dynamic = Settings.Where(s => s.IsDynamic && s.Key.StartsWith("Channels__", StringComparison.Ordinal)).ToList();

        Assert.All(Settings.Where(s => s.IsDynamic), s => Assert.True(s.Key.StartsWith("Channels__{}__", StringComparison.Ordinal) || s.Key.StartsWith("Admin__Keys__{}__", StringComparison.Ordinal), s.Key));
        Assert.Equal("lambdaVariables('channel').platform", Assert.Single(dynamic, s => s.Key == "Channels__{}__Platform").Value.ToString());
        var secrets = Assert.Single(dynamic, s => s.Value.ToString().Contains("@Microsoft.KeyVault(", StringComparison.Ordinal));
        Assert.StartsWith("format('@Microsoft.KeyVault(SecretUri={0}secrets/{1}/)', variables('vaultUri'), ", secrets.Value.ToString(), StringComparison.Ordinal);
        var plain = Assert.Single(dynamic, s => s.Key == "Channels__{}__{}" && s != secrets);
        Assert.Equal("string(lambdaVariables('setting').value)", plain.Value.ToString());

        var module = Assert.Single(infra.MainModules, m => infra.SourceOf(m)?.RelativePath == "infra/modules/function-app.bicep");
        Assert.Equal("parameters('channels')", module.Parameters["channels"].ToString());
    }

    [Fact]
    public void The_Key_Vault_reference_points_at_the_vault_the_template_creates()
    {
        var vaultUri = infra.FunctionApp.Resolve(ArmExpressionParser.Parse("variables('vaultUri')")).ToString();
        var module = Assert.Single(infra.MainModules, m => infra.SourceOf(m)?.RelativePath == "infra/modules/function-app.bicep");
        var keyVault = Assert.Single(infra.MainModules, m => infra.SourceOf(m)?.RelativePath == "infra/modules/key-vault.bicep");

        Assert.Equal("format('https://{0}{1}/', parameters('keyVaultName'), environment().suffixes.keyvaultDns)", vaultUri);
        Assert.Equal($"reference('{keyVault.Symbol}').outputs.name.value", module.Parameters["keyVaultName"].ToString());
        Assert.Equal(
            "resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identityName'))",
            infra.FunctionApp.Resources.Single(r => r.Type == "Microsoft.Web/sites").Value("properties.keyVaultReferenceIdentity")?.ToString());
    }

    [Fact]
    public void Scoped_admin_keys_come_from_the_admin_keys_parameter_each_a_Key_Vault_reference_with_its_tenants()
    {
        var keys = Settings.Where(s => s.Key.StartsWith("Admin__Keys__", StringComparison.Ordinal)).ToDictionary(s => s.Key, s => s.Value.ToString(), StringComparer.Ordinal);

        Assert.Equal(["Admin__Keys__{}__Key", "Admin__Keys__{}__Tenants"], keys.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("format('@Microsoft.KeyVault(SecretUri={0}secrets/{1}/)', variables('vaultUri'), toLower(format('admin-key-{0}'", keys["Admin__Keys__{}__Key"], StringComparison.Ordinal);
        Assert.Equal("lambdaVariables('key').tenants", keys["Admin__Keys__{}__Tenants"]);
        Assert.DoesNotContain(Settings, s => s.Key == "Admin__Key");
        var module = Assert.Single(infra.MainModules, m => infra.SourceOf(m)?.RelativePath == "infra/modules/function-app.bicep");
        Assert.Equal("parameters('adminScopes')", module.Parameters["adminScopes"].ToString());
    }
}
