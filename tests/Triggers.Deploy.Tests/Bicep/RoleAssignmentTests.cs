using Triggers.Deploy.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.Deploy.Tests.Bicep;

/// <summary>The identity gets exactly the roles the code and the Functions host use, each on the narrowest scope.</summary>
public sealed class RoleAssignmentTests(InfraFixture infra) : IDisposable
{
    private const string App = "appPrincipalId";
    private const string Operator = "operatorPrincipalId";
    private readonly string _scratch = Directory.CreateTempSubdirectory("triggers-roles-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public void The_app_identity_has_exactly_the_roles_the_code_and_the_host_use()
    {
        var expected = new List<(string Role, string Scope)>
        {
            // Flex reads the package from its container; the host keeps timer leases and function keys in its own.
            (BuiltInRoles.StorageBlobDataOwner, RoleAudit.BlobContainerType),
            // The app creates and writes every table at start-up.
            (BuiltInRoles.StorageTableDataContributor, "Microsoft.Storage/storageAccounts"),
            // Queue triggers receive; the app and the host create queues, which is an account-level operation.
            (BuiltInRoles.StorageQueueDataContributor, "Microsoft.Storage/storageAccounts"),
            // Touchpoint events go to one topic, sending only.
            (BuiltInRoles.ServiceBusDataSender, "Microsoft.ServiceBus/namespaces/topics"),
            // Entra ID calls to analyze-text.
            (BuiltInRoles.CognitiveServicesUser, "Microsoft.CognitiveServices/accounts"),
        };
        Assert.NotEmpty(FunctionAppContract.TriggerQueues);

        var settings = AppSettings.Read(infra.FunctionApp).Settings;
        if (settings.Any(s => s.Value.ToString().Contains("@Microsoft.KeyVault(", StringComparison.Ordinal)))
        {
            expected.Add((BuiltInRoles.KeyVaultSecretsUser, "Microsoft.KeyVault/vaults"));
        }

        if (settings.Any(s => s.Key == "APPLICATIONINSIGHTS_AUTHENTICATION_STRING" && s.Value.ToString().Contains("Authorization=AAD", StringComparison.Ordinal)))
        {
            expected.Add((BuiltInRoles.MonitoringMetricsPublisher, "Microsoft.Insights/components"));
        }

        var actual = RoleAudit.Find(infra.Templates).Where(a => a.Principal == App).ToList();

        Assert.Equal(
            expected.Select(e => $"{BuiltInRoles.NameOf(e.Role)} on {e.Scope}").Order(StringComparer.Ordinal),
            actual.Select(a => $"{a.RoleName} on {a.ScopeType}").Order(StringComparer.Ordinal));
        Assert.All(actual, a => Assert.Equal("ServicePrincipal", a.PrincipalType));
        Assert.All(actual, a => Assert.False(a.IsConditional, $"{a.Where} must always apply"));
    }

    [Fact]
    public void Service_Bus_Data_Sender_is_on_the_touchpoints_topic_the_namespace_declares_and_nothing_wider()
    {
        var sender = Assert.Single(RoleAudit.Find(infra.Templates), a => a.RoleId == BuiltInRoles.ServiceBusDataSender);
        var topic = Assert.Single(infra.AllResources, r => r.Type == "Microsoft.ServiceBus/namespaces/topics" && !r.IsExisting);

        // role-assignments.bicep scopes it to the topic named by the Service Bus module's output, which is this topic.
        Assert.Equal("Microsoft.ServiceBus/namespaces/topics", sender.ScopeType);
        Assert.Equal(["parameters('serviceBusNamespaceName')", "parameters('touchpointsTopicName')"], sender.Scope!.Names);
        Assert.Equal($"'{FunctionAppContract.TouchpointsTopic}'", topic.Ref.Names[^1]);
        var roles = Assert.Single(infra.MainModules, m => infra.SourceOf(m)?.RelativePath == "infra/modules/role-assignments.bicep");
        var serviceBus = Assert.Single(infra.MainModules, m => infra.SourceOf(m)?.RelativePath == "infra/modules/service-bus.bicep");
        Assert.Equal($"reference('{serviceBus.Symbol}').outputs.touchpointsTopicName.value", roles.Parameters["touchpointsTopicName"].ToString());
        var output = Assert.Single(serviceBus.Template.Outputs, o => o.Name == "touchpointsTopicName");
        Assert.Equal(FunctionAppContract.TouchpointsTopic, serviceBus.Template.Resolve(output.Value).StringValue);

        // No other Service Bus role, anywhere.
        Assert.DoesNotContain(RoleAudit.Find(infra.Templates), a => a.RoleId is BuiltInRoles.ServiceBusDataReceiver or BuiltInRoles.ServiceBusDataOwner);
    }

    [Fact]
    public void The_blob_owner_role_covers_the_deployment_container_and_the_hosts_containers_only()
    {
        var owner = Assert.Single(RoleAudit.Find(infra.Templates), a => a.RoleId == BuiltInRoles.StorageBlobDataOwner);
        Assert.Equal(RoleAudit.BlobContainerType, owner.ScopeType);
        var assignment = infra.RoleAssignments.Resource(owner.Symbol)!;
        Assert.True(assignment.IsLoop);

        // One assignment per name in blobContainerNames = [deploymentContainerName] + hostContainerNames.
        Assert.Equal("length(variables('blobContainerNames'))", assignment.Value("copy.count")!.ToString());
        Assert.Equal("variables('blobContainerNames')[copyIndex()]", owner.Scope!.Names[^1]);
        Assert.Equal(
            "concat(createArray(parameters('deploymentContainerName')), parameters('hostContainerNames'))",
            infra.RoleAssignments.Resolve(ArmExpressionParser.Parse("variables('blobContainerNames')")).ToString());

        var hostContainers = infra.Main.Resolve(ArmExpressionParser.Parse("variables('hostContainerNames')"));
        Assert.Equal("[\"azure-webjobs-hosts\",\"azure-webjobs-secrets\"]", hostContainers.ToString());
        Assert.All(
            infra.MainModules.Where(m => m.Parameters.ContainsKey("deploymentContainerName")),
            m => Assert.Equal("variables('deploymentContainerName')", m.Parameters["deploymentContainerName"].ToString()));
        var site = infra.FunctionApp.Resources.Single(r => r.Type == "Microsoft.Web/sites" && !r.IsExisting);
        Assert.EndsWith(", parameters('deploymentContainerName'))", site.Value("properties.functionAppConfig.deployment.storage.value")!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_operator_may_set_secrets_and_edit_rules_only_when_a_principal_is_given()
    {
        var actual = RoleAudit.Find(infra.Templates).Where(a => a.Principal == Operator).ToList();

        Assert.Equal(
            [$"{BuiltInRoles.NameOf(BuiltInRoles.KeyVaultSecretsOfficer)} on Microsoft.KeyVault/vaults", $"{BuiltInRoles.NameOf(BuiltInRoles.StorageTableDataContributor)} on Microsoft.Storage/storageAccounts"],
            actual.Select(a => $"{a.RoleName} on {a.ScopeType}").Order(StringComparer.Ordinal));
        Assert.All(actual, a => Assert.True(a.IsConditional, $"{a.Symbol} must apply only when a principal is given"));
    }

    [Fact]
    public void No_assignment_is_broader_than_needed_or_named_other_than_by_scope_principal_and_role()
    {
        Assert.Empty(RoleAudit.Violations(infra.Templates));
        Assert.All(RoleAudit.Find(infra.Templates), a => Assert.Contains(a.Principal, new[] { App, Operator }));
    }

    [Fact]
    public async Task The_audit_flags_an_Owner_assignment_an_account_wide_blob_owner_and_a_namespace_wide_sender()
    {
        var path = Path.Combine(_scratch, "bad.bicep");
        await File.WriteAllTextAsync(path, $$"""
            param principalId string
            resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
              name: 'st'
            }
            resource serviceBus 'Microsoft.ServiceBus/namespaces@2024-01-01' existing = {
              name: 'sb'
            }
            resource owner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
              name: guid(resourceGroup().id, principalId, 'owner')
              properties: {
                roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{{BuiltInRoles.Owner}}')
                principalId: principalId
              }
            }
            resource blobOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
              name: guid(storage.id, principalId, '{{BuiltInRoles.StorageBlobDataOwner}}')
              scope: storage
              properties: {
                roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{{BuiltInRoles.StorageBlobDataOwner}}')
                principalId: principalId
              }
            }
            resource sender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
              name: guid(serviceBus.id, principalId, '{{BuiltInRoles.ServiceBusDataSender}}')
              scope: serviceBus
              properties: {
                roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{{BuiltInRoles.ServiceBusDataSender}}')
                principalId: principalId
              }
            }
            """, TestContext.Current.CancellationToken);
        var template = await CompileAsync(path);

        var violations = RoleAudit.Violations([template]);

        Assert.Contains(violations, v => v.Contains("Owner is broader", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("has no scope", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("name should be guid(", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("Storage Blob Data Owner on Microsoft.Storage/storageAccounts", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("Azure Service Bus Data Sender on Microsoft.ServiceBus/namespaces instead of one", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("blobOwner") && v.Contains("name should be", StringComparison.Ordinal));
    }

    private async Task<ArmTemplate> CompileAsync(string path)
    {
        var output = Path.ChangeExtension(path, ".json");
        var build = await BicepCli.BuildAsync(path, output, TestContext.Current.CancellationToken);
        Assert.True(build.Result.ExitCode == 0, build.Describe());
        return new ArmTemplate(System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken))!.AsObject(), Path.GetFileName(path));
    }
}
