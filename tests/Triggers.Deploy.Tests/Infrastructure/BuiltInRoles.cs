namespace Triggers.Deploy.Tests.Infrastructure;

/// <summary>
/// Azure built-in role definition ids: public and the same in every tenant
/// (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles).
/// </summary>
internal static class BuiltInRoles
{
    public const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    public const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    public const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    public const string ServiceBusDataReceiver = "4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0";
    public const string ServiceBusDataSender = "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39";
    public const string CognitiveServicesUser = "a97b65f3-24c7-4388-baec-2e87135dc908";
    public const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    public const string KeyVaultSecretsOfficer = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";
    public const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    public const string Owner = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
    public const string Contributor = "b24988ac-6180-42a0-ab88-20f7382dd24c";
    public const string UserAccessAdministrator = "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9";
    public const string RoleBasedAccessControlAdministrator = "f58310d9-a9f6-439a-9e8d-f62e7b41a168";
    public const string KeyVaultAdministrator = "00482a5a-887f-4fb3-b363-3b7fe8e74483";
    public const string StorageAccountContributor = "17d1049b-9a84-46fb-8f53-869881c3d3ab";
    public const string ServiceBusDataOwner = "090c5cfd-751d-490a-894a-3ce6f1109419";
    public const string CognitiveServicesContributor = "25fbc0a9-bd7c-42a3-aa1a-3b75d497ee68";

    /// <summary>Roles that manage resources or role assignments, or grant every data right of a service.</summary>
    public static IReadOnlyDictionary<string, string> TooBroad { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [Owner] = "Owner",
        [Contributor] = "Contributor",
        [UserAccessAdministrator] = "User Access Administrator",
        [RoleBasedAccessControlAdministrator] = "Role Based Access Control Administrator",
        [KeyVaultAdministrator] = "Key Vault Administrator",
        [StorageAccountContributor] = "Storage Account Contributor",
        [ServiceBusDataOwner] = "Azure Service Bus Data Owner",
        [CognitiveServicesContributor] = "Cognitive Services Contributor",
    };

    /// <summary>Roles this deployment may assign at all (which one to whom is the tests' business).</summary>
    public static IReadOnlyDictionary<string, string> Known { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [StorageBlobDataOwner] = "Storage Blob Data Owner",
        [StorageQueueDataContributor] = "Storage Queue Data Contributor",
        [StorageTableDataContributor] = "Storage Table Data Contributor",
        [ServiceBusDataReceiver] = "Azure Service Bus Data Receiver",
        [ServiceBusDataSender] = "Azure Service Bus Data Sender",
        [CognitiveServicesUser] = "Cognitive Services User",
        [KeyVaultSecretsUser] = "Key Vault Secrets User",
        [KeyVaultSecretsOfficer] = "Key Vault Secrets Officer",
        [MonitoringMetricsPublisher] = "Monitoring Metrics Publisher",
    };

    public static string NameOf(string? id) =>
        id is null ? "(unresolved role)"
        : Known.TryGetValue(id, out var known) ? known
        : TooBroad.TryGetValue(id, out var broad) ? broad
        : $"unknown role {id}";
}
