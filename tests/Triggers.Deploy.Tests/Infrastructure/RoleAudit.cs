namespace Triggers.Deploy.Tests.Infrastructure;

/// <summary>A role assignment as compiled: which role, to whom, on what resource.</summary>
internal sealed record RoleAssignment(
    string Symbol,
    string? RoleId,
    ResourceRef? Scope,
    string Principal,
    string? PrincipalType,
    bool IsConditional,
    string Where,
    IReadOnlyList<string> Problems)
{
    public string RoleName => BuiltInRoles.NameOf(RoleId);

    /// <summary>The scope's resource type, or "the resource group" for an assignment without a scope.</summary>
    public string ScopeType => Scope?.Type ?? "the resource group";
}

/// <summary>Reads role assignments out of compiled templates and finds the ones no deployment of this app should have.</summary>
internal static class RoleAudit
{
    public const string BlobContainerType = "Microsoft.Storage/storageAccounts/blobServices/containers";
    public const string RoleDefinitionType = "Microsoft.Authorization/roleDefinitions";

    public static IReadOnlyList<RoleAssignment> Find(IEnumerable<ArmTemplate> templates) =>
        [.. templates.SelectMany(template => template.Resources
            .Where(r => r.Type == "Microsoft.Authorization/roleAssignments" && !r.IsExisting)
            .Select(r => Read(template, r)))];

    /// <summary>Everything wrong with the assignments, one readable line each; empty when all is well.</summary>
    public static IReadOnlyList<string> Violations(IEnumerable<ArmTemplate> templates)
    {
        var list = templates.ToList();
        var violations = new List<string>();
        foreach (var assignment in Find(list))
        {
            violations.AddRange(assignment.Problems.Select(p => $"{assignment.Where}: {p}"));
            if (assignment.RoleId is { } id && BuiltInRoles.TooBroad.TryGetValue(id, out var broad))
            {
                violations.Add($"{assignment.Where}: {broad} is broader than anything this app needs");
            }
            else if (assignment.RoleId is { } other && !BuiltInRoles.Known.ContainsKey(other))
            {
                violations.Add($"{assignment.Where}: role {other} is not one this app is known to need");
            }

            if (assignment.RoleId == BuiltInRoles.StorageBlobDataOwner && assignment.ScopeType != BlobContainerType)
            {
                violations.Add($"{assignment.Where}: Storage Blob Data Owner on {assignment.ScopeType} instead of single blob containers");
            }

            if (assignment.RoleId is BuiltInRoles.ServiceBusDataSender or BuiltInRoles.ServiceBusDataReceiver
                && assignment.ScopeType is not ("Microsoft.ServiceBus/namespaces/topics" or "Microsoft.ServiceBus/namespaces/queues" or "Microsoft.ServiceBus/namespaces/topics/subscriptions"))
            {
                violations.Add($"{assignment.Where}: {assignment.RoleName} on {assignment.ScopeType} instead of one queue, topic or subscription");
            }
        }

        // A broad role referenced any other way (a roleDefinitions resource, a variable) is as bad as an assignment.
        foreach (var template in list)
        {
            var text = template.Json.ToJsonString();
            foreach (var (id, name) in BuiltInRoles.TooBroad)
            {
                if (text.Contains(id, StringComparison.OrdinalIgnoreCase))
                {
                    violations.Add($"{template.Origin}: mentions {name} ({id})");
                }
            }
        }

        return violations;
    }

    private static RoleAssignment Read(ArmTemplate template, ArmResource resource)
    {
        var problems = new List<string>();

        var roleExpression = ReadRoleDefinition(resource.Value("properties.roleDefinitionId"), problems);
        var roleId = roleExpression is null ? null : ResolveGuid(template, roleExpression);
        if (roleExpression is not null && roleId is null)
        {
            problems.Add($"cannot resolve role id {roleExpression} to a literal GUID");
        }

        var scopeExpression = resource.Value("scope");
        var scope = scopeExpression is null ? null : template.RefOf(scopeExpression);
        if (scopeExpression is null)
        {
            problems.Add("has no scope, so it applies to the whole resource group");
        }
        else if (scope is null)
        {
            problems.Add($"cannot tell which resource the scope {scopeExpression} is");
        }

        var principalExpression = resource.Value("properties.principalId");
        var principal = principalExpression switch
        {
            ArmCall { Name: "parameters", Args: [{ StringValue: { } parameter }] } => parameter,
            null => string.Empty,
            _ => principalExpression.ToString(),
        };

        // guid(scope, principal, role): stable across deployments and unique per scope, principal and role.
        var name = resource.Name;
        var nameIsRight = name is ArmCall { Name: "guid", Args: [var nameScope, var namePrincipal, var nameRole] }
            && scope is not null
            && Equals(template.RefOf(nameScope), scope)
            && namePrincipal.ToString() == principalExpression?.ToString()
            && (nameRole.ToString() == roleExpression?.ToString() || (roleId is not null && ResolveGuid(template, nameRole) == roleId));
        if (!nameIsRight)
        {
            problems.Add($"name should be guid(<scope>, <principal>, <role id>) so it is stable and unique, not {name}");
        }

        return new RoleAssignment(
            resource.Symbol ?? name.ToString(),
            roleId,
            scope,
            principal,
            resource.String("properties.principalType"),
            resource.IsConditional,
            resource.Where,
            problems);
    }

    private static ArmNode? ReadRoleDefinition(ArmNode? value, List<string> problems)
    {
        if (value is ArmCall { Name: "subscriptionResourceId", Args: [{ StringValue: RoleDefinitionType }, var id] })
        {
            return id;
        }

        problems.Add($"roleDefinitionId should be subscriptionResourceId('{RoleDefinitionType}', <built-in id>), not {value}");
        return null;
    }

    /// <summary>A GUID literal, directly or through variables (<c>variables('roleIds').name</c>).</summary>
    private static string? ResolveGuid(ArmTemplate template, ArmNode node) =>
        template.Resolve(node).StringValue is { } text && Guid.TryParse(text, out _) ? text.ToLowerInvariant() : null;
}
