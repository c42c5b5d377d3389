using System.Text.Json.Nodes;
using Triggers.Deploy.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.Deploy.Tests.Bicep;

/// <summary>The azd template shape (Azure-Samples Flex Consumption templates), and modules wired as declared.</summary>
public sealed class TemplateConventionTests(InfraFixture infra)
{
    [Fact]
    public void Main_deploys_at_subscription_scope_and_creates_its_resource_group_for_every_module()
    {
        Assert.Equal("subscription", infra.Main.TargetScope);
        var group = Assert.Single(infra.Main.Resources, r => r.Type == "Microsoft.Resources/resourceGroups");
        Assert.False(group.IsExisting);

        Assert.NotEmpty(infra.MainModules);
        Assert.All(infra.MainModules, m => Assert.Equal(group.Name.ToString(), m.Deployment.Value("resourceGroup")?.ToString()));
        Assert.All(infra.MainModules, m => Assert.Contains(group.Symbol!, m.Deployment.Node("dependsOn")!.AsArray().Select(d => (string?)d)));
    }

    [Fact]
    public void The_resource_token_hashes_subscription_environment_and_location()
    {
        var token = infra.Main.Resolve(ArmExpressionParser.Parse("variables('resourceToken')"));

        Assert.Equal("toLower(uniqueString(subscription().id, parameters('environmentName'), parameters('location')))", token.ToString());
    }

    [Fact]
    public void One_tags_object_with_the_azd_environment_reaches_every_module_and_every_located_resource()
    {
        var tags = Assert.IsType<ArmJson>(infra.Main.Resolve(ArmExpressionParser.Parse("variables('tags')")));
        Assert.Equal("parameters('environmentName')", tags.Property("azd-env-name")?.ToString());

        // A module that creates located resources declares tags, and main hands it the one object.
        var tagged = infra.MainModules.Where(m => m.Template.Parameters.Any(p => p.Name == "tags")).ToList();
        Assert.All(tagged, m => Assert.Equal("variables('tags')", m.Parameters["tags"].ToString()));
        var untagged = infra.MainModules.Except(tagged).Select(m => m.Template);
        Assert.All(untagged, t => Assert.DoesNotContain(t.Resources, r => !r.IsExisting && r.Json["location"] is not null));

        var located = infra.AllResources.Where(r => !r.IsExisting && r.Json["location"] is not null).ToList();
        Assert.NotEmpty(located);
        Assert.All(located, r =>
        {
            var source = r.Template == infra.Main ? "variables('tags')" : "parameters('tags')";
            var value = r.Value("tags")?.ToString() ?? $"{r.Where} has no tags";
            Assert.True(value == source || value.StartsWith($"union({source}, ", StringComparison.Ordinal), $"{r.Where}: tags are {value}, not {source}");
        });
    }

    [Fact]
    public void Only_the_function_app_carries_the_azd_service_tag_named_in_azure_yaml()
    {
        var tagged = infra.AllResources.Where(r => r.Value("tags")?.ToString().Contains("azd-service-name", StringComparison.Ordinal) == true).ToList();

        var site = Assert.Single(tagged);
        Assert.Equal("Microsoft.Web/sites", site.Type);
        Assert.Equal("union(parameters('tags'), createObject('azd-service-name', 'api'))", site.Value("tags")!.ToString());
        Assert.Matches(@"(?m)^  api:\s*$", ReadRepositoryFile("azure.yaml"));
    }

    [Fact]
    public void Every_resource_type_is_pinned_to_one_API_version_across_all_templates()
    {
        Assert.All(infra.AllResources, r => Assert.Matches(@"^\d{4}-\d{2}-\d{2}(-preview)?$", r.ApiVersion));
        var versions = infra.AllResources.GroupBy(r => r.Type).Where(g => g.Select(r => r.ApiVersion).Distinct().Count() > 1).Select(g => g.Key);
        Assert.Empty(versions);
    }

    [Fact]
    public void Every_module_file_is_used_by_main_and_every_module_main_uses_is_a_module_file()
    {
        var used = infra.MainModules.Select(m => infra.SourceOf(m)?.RelativePath ?? $"(module {m.Symbol}: no file)").Order(StringComparer.Ordinal).ToList();
        var present = infra.Files.Select(f => f.RelativePath).Where(p => p.StartsWith("infra/modules/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(present, used);
    }

    [Fact]
    public void Modules_receive_exactly_the_parameters_they_declare_and_every_required_one()
    {
        foreach (var module in infra.MainModules)
        {
            var declared = module.Template.Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
            var passed = module.Parameters.Keys.ToList();

            Assert.All(passed, name => Assert.True(declared.ContainsKey(name), $"main passes '{name}' to module {module.Symbol}, which declares no such parameter"));
            var missing = declared.Values.Where(p => !p.HasDefault && !passed.Contains(p.Name)).Select(p => p.Name);
            Assert.Empty(missing);
        }
    }

    [Fact]
    public void Module_outputs_used_by_main_are_declared_by_the_module()
    {
        var modules = infra.MainModules.ToDictionary(m => m.Symbol, StringComparer.Ordinal);
        // reference('module').outputs.name
        var references = infra.Main.AllValues()
            .OfType<ArmMember>()
            .Where(m => m.Target is ArmMember { Name: "outputs", Target: ArmCall { Name: "reference", Args: [{ StringValue: { } symbol }] } } && modules.ContainsKey(symbol))
            .Select(m => (Module: ((ArmCall)((ArmMember)m.Target).Target).Args[0].StringValue!, Output: m.Name))
            .Distinct()
            .ToList();

        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.True(
            modules[r.Module].Template.Outputs.Any(o => o.Name == r.Output),
            $"main reads output '{r.Output}' of module {r.Module}, which declares no such output"));
    }

    [Fact]
    public void Main_outputs_are_upper_snake_and_include_what_azd_and_the_docs_use()
    {
        var outputs = infra.Main.Outputs.Select(o => o.Name).ToList();

        Assert.All(outputs, name => Assert.Matches("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$", name));
        Assert.Superset(
            new HashSet<string>(["AZURE_LOCATION", "AZURE_TENANT_ID", "AZURE_FUNCTION_APP_NAME", "SERVICE_API_NAME", "SERVICE_API_URI", "AZURE_KEY_VAULT_NAME"]),
            outputs.ToHashSet());
    }

    [Fact]
    public void The_abbreviations_are_loaded_from_abbreviations_json_and_every_one_is_used()
    {
        var file = JsonNode.Parse(ReadRepositoryFile("infra/abbreviations.json"))!.AsObject();
        var loaded = Assert.IsType<ArmJson>(infra.Main.Resolve(ArmExpressionParser.Parse("variables('abbrs')")));
        Assert.True(JsonNode.DeepEquals(file, loaded.Json), "main's abbrs is not the content of infra/abbreviations.json");

        var used = infra.Main.AllValues()
            .OfType<ArmMember>()
            .Where(m => m.Target is ArmCall { Name: "variables", Args: [{ StringValue: "abbrs" }] })
            .Select(m => m.Name)
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.Equal(file.Select(p => p.Key).Order(StringComparer.Ordinal), used);
    }

    [Fact]
    public void Globally_named_resources_take_an_abbreviation_and_the_resource_token()
    {
        // Names main builds for its modules: format('{0}...{n}', variables('abbrs').x, ..., variables('resourceToken')).
        var named = infra.MainModules
            .SelectMany(m => m.Parameters.Where(p => p.Key == "name" || p.Key.EndsWith("Name", StringComparison.Ordinal)))
            .Select(p => (p.Key, Value: infra.Main.Resolve(p.Value)))
            .Where(p => p.Value.CalledFunction == "format")
            .ToList();

        Assert.NotEmpty(named);
        Assert.All(named, p =>
        {
            var format = (ArmCall)p.Value;
            Assert.StartsWith("{0}", format.Args[0].StringValue, StringComparison.Ordinal);
            Assert.Matches(@"^variables\('abbrs'\)\.\w+$", format.Args[1].ToString());
            Assert.Equal("variables('resourceToken')", format.Args[^1].ToString());
        });
    }

    [Fact]
    public void The_parameters_file_feeds_every_required_parameter_from_azd_and_nothing_main_does_not_declare()
    {
        var file = JsonNode.Parse(ReadRepositoryFile("infra/main.parameters.json"))!.AsObject();
        var values = file["parameters"]!.AsObject();
        var declared = infra.Main.Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);

        Assert.All(values.Select(v => v.Key), name => Assert.True(declared.ContainsKey(name), $"main.parameters.json sets '{name}', which main.bicep does not declare"));
        Assert.All(declared.Values.Where(p => !p.HasDefault), p => Assert.True(values.ContainsKey(p.Name), $"main.bicep requires '{p.Name}' but main.parameters.json does not set it"));
        Assert.Equal("${AZURE_ENV_NAME}", (string?)values["environmentName"]?["value"]);
        Assert.Equal("${AZURE_LOCATION}", (string?)values["location"]?["value"]);
        Assert.Equal("${AZURE_PRINCIPAL_ID}", (string?)values["principalId"]?["value"]);
    }

    private static string ReadRepositoryFile(string relativePath) => File.ReadAllText(Path.Combine(RepositoryPaths.Root, relativePath));
}
