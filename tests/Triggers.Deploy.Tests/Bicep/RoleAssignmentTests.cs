using Triggers.Core.Hosting;
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
            // Creating queues is an account-level operation.
            (BuiltInRoles.StorageQueueDataContributor, "Microsoft.Storage/storageAccounts"),
            // Entra ID calls to analyze-text.
            (BuiltInRoles.CognitiveServicesUser, "Microsoft.CognitiveServices/accounts"),
        };
        Assert.NotEmpty(QueueNames.All);
        if (FunctionCatalog.All.Any(f => f.Trigger == FunctionTrigger.ServiceBus))
        {
            expected.Add((BuiltInRoles.ServiceBusDataReceiver, "Microsoft.ServiceBus/namespaces/queues"));
        }

        if (SendsToServiceBus())
        {
            expected.Add((BuiltInRoles.ServiceBusDataSender, "Microsoft.ServiceBus/namespaces/queues"));
        }

        var settings = AppSettings.Read(infra.FunctionApp);
        if (settings.Any(s => s.Value.Text.Contains("@Microsoft.KeyVault(", StringComparison.Ordinal)))
        {
            expected.Add((BuiltInRoles.KeyVaultSecretsUser, "Microsoft.KeyVault/vaults"));
        }

        if (settings.Any(s => s.Key == "APPLICATIONINSIGHTS_AUTHENTICATION_STRING" && s.Value.Text.Contains("Authorization=AAD", StringComparison.Ordinal)))
        {
            expected.Add((BuiltInRoles.MonitoringMetricsPublisher, "Microsoft.Insights/components"));
        }

        var actual = RoleAudit.Find(infra.Files).Where(a => a.Principal == App).ToList();

        Assert.Equal(
            expected.Select(e => $"{BuiltInRoles.NameOf(e.Role)} on {e.Scope}").Order(StringComparer.Ordinal),
            actual.Select(a => $"{a.RoleName} on {a.ScopeType}").Order(StringComparer.Ordinal));
        Assert.All(actual, a => Assert.Equal("ServicePrincipal", a.PrincipalType));
    }

    [Fact]
    public void The_blob_owner_role_covers_the_deployment_container_and_the_hosts_containers_only()
    {
        var owner = Assert.Single(RoleAudit.Find(infra.Files), a => a.RoleId == BuiltInRoles.StorageBlobDataOwner);
        var containers = infra.RoleAssignments.Resource("containers")!;
        Assert.True(containers.IsLoop && containers.IsExisting);

        var names = infra.RoleAssignments.Resolve(Assert.Contains("blobContainerNames", infra.RoleAssignments.Variables)).Text;
        Assert.Equal("concat([deploymentContainerName], hostContainerNames)", names);
        var hostContainers = infra.Main.Resolve(Assert.Contains("hostContainerNames", infra.Main.Variables)).Named.Select(n => n.StringValue()).ToList();
        Assert.Equal(["azure-webjobs-hosts", "azure-webjobs-secrets"], hostContainers);
        var site = infra.FunctionApp.Resources.Single(r => r.FullType == "Microsoft.Web/sites");
        Assert.EndsWith("${deploymentContainerName}'", site.Body.PropertyPath("properties.functionAppConfig.deployment.storage.value")!.Text, StringComparison.Ordinal);
        Assert.All(
            infra.Main.Modules.Where(m => m.Body.PropertyPath("params.deploymentContainerName") is not null),
            m => Assert.Equal("deploymentContainerName", m.Body.PropertyPath("params.deploymentContainerName")!.Text));
        Assert.Equal(RoleAudit.BlobContainerType, owner.ScopeType);
    }

    [Fact]
    public void The_operator_may_set_secrets_and_edit_rules_only_when_a_principal_is_given()
    {
        var actual = RoleAudit.Find(infra.Files).Where(a => a.Principal == Operator).ToList();

        Assert.Equal(
            [$"{BuiltInRoles.NameOf(BuiltInRoles.KeyVaultSecretsOfficer)} on Microsoft.KeyVault/vaults", $"{BuiltInRoles.NameOf(BuiltInRoles.StorageTableDataContributor)} on Microsoft.Storage/storageAccounts"],
            actual.Select(a => $"{a.RoleName} on {a.ScopeType}").Order(StringComparer.Ordinal));
        Assert.All(actual, a => Assert.True(a.IsConditional, $"{a.Symbol} must apply only when a principal is given"));
    }

    [Fact]
    public void No_assignment_is_broader_than_needed_or_named_other_than_by_scope_principal_and_role()
    {
        Assert.Empty(RoleAudit.Violations(infra.Files));
        Assert.All(RoleAudit.Find(infra.Files), a => Assert.Contains(a.Principal, new[] { App, Operator }));
    }

    [Fact]
    public async Task The_audit_flags_an_Owner_assignment_and_an_account_wide_blob_owner()
    {
        var path = Path.Combine(_scratch, "bad.bicep");
        await File.WriteAllTextAsync(path, $$"""
            param principalId string
            resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
              name: 'st'
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
            """, TestContext.Current.CancellationToken);
        var files = await BicepParser.ParseAsync(_scratch, ["bad.bicep"], TestContext.Current.CancellationToken);

        var violations = RoleAudit.Violations(files);

        Assert.Contains(violations, v => v.Contains("owner: Owner is broader", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("owner: has no scope", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("blobOwner: Storage Blob Data Owner on Microsoft.Storage/storageAccounts", StringComparison.Ordinal));
    }

    /// <summary>A Service Bus sender in the app would name the namespace setting or the service's host name.</summary>
    private static bool SendsToServiceBus() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "functions"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .Any(s => s.Contains("fullyQualifiedNamespace", StringComparison.OrdinalIgnoreCase) || s.Contains("servicebus.windows.net", StringComparison.OrdinalIgnoreCase));
}
