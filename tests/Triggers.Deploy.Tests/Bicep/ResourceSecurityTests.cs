using System.Xml;
using Triggers.Deploy.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.Deploy.Tests.Bicep;

/// <summary>Each resource is configured for Entra ID only, with the settings the app and host rely on.</summary>
public sealed class ResourceSecurityTests(InfraFixture infra)
{
    [Fact]
    public void Storage_accepts_no_shared_key_no_public_blobs_and_nothing_below_TLS_1_2()
    {
        var account = Declared("Microsoft.Storage/storageAccounts");

        Assert.False(account.Bool("properties.allowSharedKeyAccess"));
        Assert.False(account.Bool("properties.allowBlobPublicAccess"));
        Assert.True(account.Bool("properties.supportsHttpsTrafficOnly"));
        Assert.True(account.Bool("properties.defaultToOAuthAuthentication"));
        Assert.Equal("TLS1_2", account.String("properties.minimumTlsVersion"));
        var container = Declared("Microsoft.Storage/storageAccounts/blobServices/containers");
        Assert.Equal("None", container.String("properties.publicAccess"));
    }

    [Fact]
    public void Storage_declares_the_queue_every_queue_trigger_listens_on()
    {
        var queues = Declared("Microsoft.Storage/storageAccounts/queueServices/queues");
        Assert.True(queues.IsLoop);
        Assert.Equal("parameters('queueNames')[copyIndex()]", queues.Ref.Names[^1]);

        var storage = Assert.Single(infra.MainModules, m => infra.SourceOf(m)?.RelativePath == "infra/modules/storage.bicep");
        var names = infra.Main.Resolve(storage.Parameters["queueNames"]);

        Assert.Equal(
            FunctionAppContract.TriggerQueues.Order(StringComparer.Ordinal),
            Assert.IsType<ArmJson>(names).Json.AsArray().Select(n => (string)n!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Service_Bus_has_local_auth_off_TLS_1_2_and_no_queue()
    {
        var ns = Declared("Microsoft.ServiceBus/namespaces");

        Assert.True(ns.Bool("properties.disableLocalAuth"));
        Assert.Equal("1.2", ns.String("properties.minimumTlsVersion"));
        // Ingest moved to a Storage queue; the app only sends to the touchpoints topic.
        Assert.DoesNotContain(infra.AllResources, r => r.Type == "Microsoft.ServiceBus/namespaces/queues");
        Assert.DoesNotContain(infra.AllResources, r => r.Type.StartsWith("Microsoft.ServiceBus/namespaces/", StringComparison.Ordinal) && r.Type.EndsWith("/authorizationRules", StringComparison.Ordinal));
    }

    [Fact]
    public void The_Service_Bus_tier_can_only_be_one_that_has_topics_sessions_and_duplicate_detection()
    {
        var sku = Assert.Single(infra.Main.Parameters, p => p.Name == "serviceBusSku");

        Assert.Equal(["Premium", "Standard"], sku.AllowedValues.Order(StringComparer.Ordinal));
        var ns = Declared("Microsoft.ServiceBus/namespaces");
        Assert.Equal("parameters('sku')", ns.Value("sku.name")?.ToString());
        var module = Assert.Single(infra.MainModules, m => infra.SourceOf(m)?.RelativePath == "infra/modules/service-bus.bicep");
        Assert.Equal("parameters('serviceBusSku')", module.Parameters["sku"].ToString());
    }

    [Fact]
    public void The_touchpoints_topic_drops_duplicate_event_ids_for_at_least_an_hour_and_keeps_order()
    {
        var topic = Declared("Microsoft.ServiceBus/namespaces/topics");
        Assert.Equal($"'{FunctionAppContract.TouchpointsTopic}'", topic.Ref.Names[^1]);

        Assert.True(topic.Bool("properties.requiresDuplicateDetection"));
        Assert.True(topic.Bool("properties.supportOrdering"));
        var window = topic.Template.Resolve(topic.Value("properties.duplicateDetectionHistoryTimeWindow")!).StringValue;
        Assert.NotNull(window);
        var span = XmlConvert.ToTimeSpan(window);
        // The app republishes an event it is unsure about on a later dispatcher run: minutes, up to an hour of back-off.
        Assert.InRange(span, TimeSpan.FromHours(1), TimeSpan.FromDays(7));
    }

    [Fact]
    public void Some_subscription_of_the_topic_delivers_per_contact_order_through_sessions()
    {
        var topic = Declared("Microsoft.ServiceBus/namespaces/topics");
        var subscriptions = infra.AllResources.Where(r => r.Type == "Microsoft.ServiceBus/namespaces/topics/subscriptions" && !r.IsExisting).ToList();

        Assert.NotEmpty(subscriptions);
        Assert.All(subscriptions, s => Assert.Equal(topic.Ref.Names, s.Ref.Names.Take(2)));
        Assert.Contains(subscriptions, s => s.Bool("properties.requiresSession") == true);
        Assert.All(subscriptions, s => Assert.True(s.Bool("properties.deadLetteringOnMessageExpiration"), $"{s.Where} drops expired events instead of dead-lettering them"));
    }

    [Fact]
    public void Language_is_a_TextAnalytics_account_with_a_custom_subdomain_and_no_keys()
    {
        var language = Declared("Microsoft.CognitiveServices/accounts");

        Assert.Equal("TextAnalytics", language.String("kind"));
        Assert.NotNull(language.Value("properties.customSubDomainName"));
        Assert.True(language.Bool("properties.disableLocalAuth"));
    }

    [Fact]
    public void Key_Vault_uses_RBAC_soft_delete_and_purge_protection_and_holds_no_secret_values()
    {
        var vault = Declared("Microsoft.KeyVault/vaults");

        Assert.True(vault.Bool("properties.enableRbacAuthorization"));
        Assert.True(vault.Bool("properties.enableSoftDelete"));
        Assert.True(vault.Bool("properties.enablePurgeProtection"));
        Assert.Null(vault.Node("properties.accessPolicies"));
        Assert.DoesNotContain(infra.AllResources, r => r.Type == "Microsoft.KeyVault/vaults/secrets");
    }

    [Fact]
    public void Application_Insights_takes_Entra_authenticated_telemetry_only_into_a_workspace()
    {
        var insights = Declared("Microsoft.Insights/components");

        Assert.True(insights.Bool("properties.DisableLocalAuth"));
        Assert.NotNull(insights.Value("properties.WorkspaceResourceId"));
        Declared("Microsoft.OperationalInsights/workspaces");
    }

    [Fact]
    public void The_function_app_is_Linux_Flex_Consumption_running_the_isolated_worker_on_dotnet_10()
    {
        var plan = Declared("Microsoft.Web/serverfarms");
        Assert.Equal("FC1", plan.String("sku.name"));
        Assert.Equal("FlexConsumption", plan.String("sku.tier"));
        Assert.True(plan.Bool("properties.reserved"));

        var site = Declared("Microsoft.Web/sites");
        Assert.Equal("functionapp,linux", site.String("kind"));
        Assert.True(site.Bool("properties.httpsOnly"));
        Assert.Equal("1.2", site.String("properties.siteConfig.minTlsVersion"));
        Assert.Equal("dotnet-isolated", site.String("properties.functionAppConfig.runtime.name"));
        Assert.Equal("10.0", site.String("properties.functionAppConfig.runtime.version"));
        Assert.Equal("blobContainer", site.String("properties.functionAppConfig.deployment.storage.type"));
        Assert.Equal("UserAssignedIdentity", site.String("properties.functionAppConfig.deployment.storage.authentication.type"));
        // Flex takes the runtime from functionAppConfig only; a stack in siteConfig would contradict it.
        Assert.Null(site.Node("properties.siteConfig.linuxFxVersion"));
        Assert.Null(site.Node("properties.siteConfig.netFrameworkVersion"));
    }

    [Fact]
    public void The_Flex_runtime_version_is_the_dotnet_version_the_repository_builds_for()
    {
        var site = Declared("Microsoft.Web/sites");
        var props = System.Xml.Linq.XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"));
        var framework = props.Descendants("TargetFramework").Single().Value;

        Assert.Equal($"net{site.String("properties.functionAppConfig.runtime.version")}", framework);
    }

    [Fact]
    public void Nothing_in_infra_is_left_of_the_custom_handler()
    {
        foreach (var file in infra.Files)
        {
            Assert.DoesNotContain("custom handler", file.Source, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("customHandler", file.Source, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(infra.AllResources, r => r.String("properties.functionAppConfig.runtime.name") == "custom");
    }

    [Fact]
    public void Publishing_with_FTP_or_SCM_basic_credentials_is_off()
    {
        var policies = infra.AllResources.Where(r => r.Type == "Microsoft.Web/sites/basicPublishingCredentialsPolicies" && !r.IsExisting).ToList();

        Assert.Equal(["'ftp'", "'scm'"], policies.Select(p => p.Ref.Names[^1]).Order(StringComparer.Ordinal));
        Assert.All(policies, p => Assert.False(p.Bool("properties.allow")));
    }

    [Fact]
    public void The_function_app_runs_as_the_user_assigned_identity_also_for_Key_Vault_references_and_deployment()
    {
        var identity = Declared("Microsoft.ManagedIdentity/userAssignedIdentities");
        var site = Declared("Microsoft.Web/sites");
        var reference = infra.FunctionApp.Resource("identity")!;
        Assert.True(reference.IsExisting);
        Assert.Equal(identity.Type, reference.Type);

        Assert.Equal("UserAssigned", site.String("identity.type"));
        var expected = reference.Ref;
        Assert.Equal(expected, site.Template.RefOf(site.Value("properties.keyVaultReferenceIdentity")!));
        Assert.Equal(expected, site.Template.RefOf(site.Value("properties.functionAppConfig.deployment.storage.authentication.userAssignedIdentityResourceId")!));
        var assigned = Assert.Single(site.Node("identity.userAssignedIdentities")!.AsObject());
        var key = Assert.IsType<ArmCall>(ArmValue.Of(System.Text.Json.Nodes.JsonValue.Create(assigned.Key)));
        Assert.Equal(expected, site.Template.RefOf(key.Name == "format" ? key.Args[1] : key));
    }

    [Fact]
    public void No_template_reads_account_keys_or_connection_strings_with_a_list_function()
    {
        var calls = infra.Templates.SelectMany(t => t.AllValues())
            .Select(n => n.CalledFunction)
            .Where(name => name is not null && name.StartsWith("list", StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.Empty(calls);
    }

    /// <summary>The one resource of a type that the templates create (not merely reference).</summary>
    private ArmResource Declared(string type)
    {
        var declared = infra.AllResources.Where(r => r.Type == type && !r.IsExisting).ToList();
        return Assert.Single(declared);
    }
}
