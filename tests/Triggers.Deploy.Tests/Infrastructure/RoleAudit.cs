namespace Triggers.Deploy.Tests.Infrastructure;

/// <summary>A role assignment as declared: which role, to whom, on what kind of resource.</summary>
internal sealed record RoleAssignment(
    string Symbol,
    string? RoleId,
    string ScopeType,
    string Principal,
    string? PrincipalType,
    bool IsConditional,
    string Where,
    IReadOnlyList<string> Problems)
{
    public string RoleName => BuiltInRoles.NameOf(RoleId);
}

/// <summary>Reads role assignments out of Bicep and finds the ones no deployment of this app should have.</summary>
internal static class RoleAudit
{
    public const string BlobContainerType = "Microsoft.Storage/storageAccounts/blobServices/containers";

    public static IReadOnlyList<RoleAssignment> Find(IEnumerable<BicepFile> files) =>
        [.. files.SelectMany(file => file.Resources
            .Where(r => r.FullType == "Microsoft.Authorization/roleAssignments" && !r.IsExisting)
            .Select(r => Read(file, r)))];

    /// <summary>Everything wrong with the assignments, one readable line each; empty when all is well.</summary>
    public static IReadOnlyList<string> Violations(IEnumerable<BicepFile> files)
    {
        var list = files.ToList();
        var violations = new List<string>();
        foreach (var assignment in Find(list))
        {
            violations.AddRange(assignment.Problems.Select(p => $"{assignment.Where} {assignment.Symbol}: {p}"));
            if (assignment.RoleId is { } id && BuiltInRoles.TooBroad.TryGetValue(id, out var broad))
            {
                violations.Add($"{assignment.Where} {assignment.Symbol}: {broad} is broader than anything this app needs");
            }
            else if (assignment.RoleId is { } other && !BuiltInRoles.Known.ContainsKey(other))
            {
                violations.Add($"{assignment.Where} {assignment.Symbol}: role {other} is not one this app is known to need");
            }

            if (assignment.RoleId == BuiltInRoles.StorageBlobDataOwner && assignment.ScopeType != BlobContainerType)
            {
                violations.Add($"{assignment.Where} {assignment.Symbol}: Storage Blob Data Owner on {assignment.ScopeType} instead of single blob containers");
            }
        }

        // A broad role referenced any other way (a roleDefinitions resource, a variable) is as bad as an assignment.
        foreach (var file in list)
        {
            foreach (var (id, name) in BuiltInRoles.TooBroad)
            {
                if (file.Source.Contains(id, StringComparison.OrdinalIgnoreCase))
                {
                    violations.Add($"{file.RelativePath}: mentions {name} ({id})");
                }
            }
        }

        return violations;
    }

    private static RoleAssignment Read(BicepFile file, BicepResource resource)
    {
        var problems = new List<string>();
        var body = resource.Body;

        var roleExpression = ReadRoleDefinition(body.PropertyPath("properties.roleDefinitionId"), problems);
        var roleId = roleExpression is null ? null : ResolveGuid(file, roleExpression);
        if (roleExpression is not null && roleId is null)
        {
            problems.Add($"cannot resolve role id '{roleExpression.Text}' to a literal GUID");
        }

        var scope = body.Property("scope");
        var scopeSymbol = scope?.Type switch
        {
            "identifier" => scope.Text,
            "subscript_expression" => scope.Children.First(c => c.Field == "object").Text,
            _ => null,
        };
        var scopeType = scopeSymbol is null
            ? "the resource group"
            : file.Resource(scopeSymbol)?.FullType ?? $"unknown symbol '{scopeSymbol}'";
        if (scope is null)
        {
            problems.Add("has no scope, so it applies to the whole resource group");
        }

        var principal = body.PropertyPath("properties.principalId")?.Text ?? string.Empty;
        var name = body.Property("name");
        var guidArgs = name?.CalledFunction() == "guid" ? name.Arguments() : [];
        if (guidArgs.Count != 3
            || scope is null
            || guidArgs[0].Text != $"{scope.Text}.id"
            || guidArgs[1].Text != principal
            || guidArgs[2].Text != roleExpression?.Text)
        {
            problems.Add($"name should be guid({scope?.Text ?? "scope"}.id, {principal}, {roleExpression?.Text ?? "role"}) so it is stable and unique, not {name?.Text}");
        }

        return new RoleAssignment(
            resource.Symbol,
            roleId,
            scopeType,
            principal,
            body.PropertyPath("properties.principalType")?.StringValue(),
            resource.IsConditional,
            resource.Node.Where,
            problems);
    }

    private static BicepNode? ReadRoleDefinition(BicepNode? value, List<string> problems)
    {
        if (value?.CalledFunction() == "subscriptionResourceId"
            && value.Arguments() is [var type, var id]
            && type.StringValue() == "Microsoft.Authorization/roleDefinitions")
        {
            return id;
        }

        problems.Add($"roleDefinitionId should be subscriptionResourceId('Microsoft.Authorization/roleDefinitions', <built-in id>), not {value?.Text}");
        return null;
    }

    /// <summary>A GUID literal, directly or through <c>variable.property</c> of an object variable.</summary>
    private static string? ResolveGuid(BicepFile file, BicepNode node)
    {
        node = file.Resolve(node);
        if (node.Type == "member_expression"
            && node.Children.FirstOrDefault(c => c.Field == "object") is { Type: "identifier" } objectName
            && node.Children.FirstOrDefault(c => c.Field == "property") is { } property
            && file.Variables.TryGetValue(objectName.Text, out var table))
        {
            node = table.Property(property.Text) ?? node;
        }

        return node.StringValue() is { } text && Guid.TryParse(text, out _) ? text.ToLowerInvariant() : null;
    }
}
