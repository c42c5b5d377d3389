using System.Text.Json.Nodes;
using Triggers.Core.Hosting;
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

        Assert.Equal("false", account.Body.PropertyPath("properties.allowSharedKeyAccess")?.Text);
        Assert.Equal("false", account.Body.PropertyPath("properties.allowBlobPublicAccess")?.Text);
        Assert.Equal("TLS1_2", account.Body.PropertyPath("properties.minimumTlsVersion")?.StringValue());
        var container = Declared("Microsoft.Storage/storageAccounts/blobServices/containers");
        Assert.Equal("None", container.Body.PropertyPath("properties.publicAccess")?.StringValue());
    }

    [Fact]
    public void Service_Bus_has_local_auth_off_and_every_queue_the_catalog_triggers_on()
    {
        var ns = Declared("Microsoft.ServiceBus/namespaces");
        Assert.Equal("true", ns.Body.PropertyPath("properties.disableLocalAuth")?.Text);

        var queues = infra.AllResources.Where(r => r.FullType == "Microsoft.ServiceBus/namespaces/queues" && !r.IsExisting).ToList();
        var expected = FunctionCatalog.All.Where(f => f.Trigger == FunctionTrigger.ServiceBus).Select(f => f.QueueName).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(StringComparer.Ordinal), queues.Select(q => q.Body.Property("name")!.StringValue()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_broker_does_not_dead_letter_an_ingest_message_before_the_app_poisons_it_itself()
    {
        // The app moves a message to ingest-poison once its delivery count reaches host.json's maxDequeueCount.
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "host.json")))!;
        var attempts = (int)host["extensions"]!["queues"]!["maxDequeueCount"]!;
        var ingest = Assert.Single(infra.AllResources, r => r.FullType == "Microsoft.ServiceBus/namespaces/queues" && !r.IsExisting);
        var file = infra.Files.Single(f => f.Resources.Contains(ingest));

        var maxDelivery = file.Resolve(ingest.Body.PropertyPath("properties.maxDeliveryCount")!);

        Assert.Equal("number", maxDelivery.Type);
        Assert.True(int.Parse(maxDelivery.Text, System.Globalization.CultureInfo.InvariantCulture) >= attempts, $"maxDeliveryCount {maxDelivery.Text} is below host.json's maxDequeueCount {attempts}");
    }

    [Fact]
    public void Language_is_a_TextAnalytics_account_with_a_custom_subdomain_and_no_keys()
    {
        var language = Declared("Microsoft.CognitiveServices/accounts");

        Assert.Equal("TextAnalytics", language.Body.Property("kind")?.StringValue());
        Assert.NotNull(language.Body.PropertyPath("properties.customSubDomainName"));
        Assert.Equal("true", language.Body.PropertyPath("properties.disableLocalAuth")?.Text);
    }

    [Fact]
    public void Key_Vault_uses_RBAC_soft_delete_and_purge_protection_and_holds_no_secret_values()
    {
        var vault = Declared("Microsoft.KeyVault/vaults");

        Assert.Equal("true", vault.Body.PropertyPath("properties.enableRbacAuthorization")?.Text);
        Assert.Equal("true", vault.Body.PropertyPath("properties.enableSoftDelete")?.Text);
        Assert.Equal("true", vault.Body.PropertyPath("properties.enablePurgeProtection")?.Text);
        Assert.Null(vault.Body.PropertyPath("properties.accessPolicies"));
        Assert.DoesNotContain(infra.AllResources, r => r.FullType == "Microsoft.KeyVault/vaults/secrets");
    }

    [Fact]
    public void Application_Insights_takes_Entra_authenticated_telemetry_only_into_a_workspace()
    {
        var insights = Declared("Microsoft.Insights/components");

        Assert.Equal("true", insights.Body.PropertyPath("properties.DisableLocalAuth")?.Text);
        Assert.NotNull(insights.Body.PropertyPath("properties.WorkspaceResourceId"));
        Declared("Microsoft.OperationalInsights/workspaces");
    }

    [Fact]
    public void The_function_app_is_Linux_Flex_Consumption_running_the_custom_handler()
    {
        var plan = Declared("Microsoft.Web/serverfarms");
        Assert.Equal("FC1", plan.Body.PropertyPath("sku.name")?.StringValue());
        Assert.Equal("FlexConsumption", plan.Body.PropertyPath("sku.tier")?.StringValue());
        Assert.Equal("true", plan.Body.PropertyPath("properties.reserved")?.Text);

        var site = Declared("Microsoft.Web/sites");
        Assert.Equal("functionapp,linux", site.Body.Property("kind")?.StringValue());
        Assert.Equal("true", site.Body.PropertyPath("properties.httpsOnly")?.Text);
        var config = site.Body.PropertyPath("properties.functionAppConfig")!;
        Assert.Equal("custom", config.PropertyPath("runtime.name")?.StringValue());
        Assert.Equal("1.0", config.PropertyPath("runtime.version")?.StringValue());
        Assert.Equal("blobContainer", config.PropertyPath("deployment.storage.type")?.StringValue());
        Assert.Equal("UserAssignedIdentity", config.PropertyPath("deployment.storage.authentication.type")?.StringValue());
    }

    [Fact]
    public void The_function_app_runs_as_the_user_assigned_identity_also_for_Key_Vault_references()
    {
        var identity = Declared("Microsoft.ManagedIdentity/userAssignedIdentities");
        var site = Declared("Microsoft.Web/sites");

        Assert.Equal("UserAssigned", site.Body.PropertyPath("identity.type")?.StringValue());
        var identityInSite = infra.FunctionApp.Resources.Single(r => r.FullType == identity.FullType);
        Assert.Equal($"{identityInSite.Symbol}.id", site.Body.PropertyPath("properties.keyVaultReferenceIdentity")?.Text);
        Assert.Equal($"{identityInSite.Symbol}.id", site.Body.PropertyPath("properties.functionAppConfig.deployment.storage.authentication.userAssignedIdentityResourceId")?.Text);
    }

    [Fact]
    public void No_template_reads_account_keys_or_connection_strings()
    {
        var calls = infra.Files.SelectMany(f => f.Root.DescendantsAndSelf())
            .Select(n => n.CalledFunction() ?? (n.Type == "property_identifier" ? n.Text : null))
            .Where(name => name is not null && name.StartsWith("list", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(calls);
    }

    /// <summary>The one resource of a type that the templates create (not merely reference).</summary>
    private BicepResource Declared(string type)
    {
        var declared = infra.AllResources.Where(r => r.FullType == type && !r.IsExisting).ToList();
        return Assert.Single(declared);
    }
}
