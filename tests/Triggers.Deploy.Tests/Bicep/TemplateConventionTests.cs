using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Triggers.Deploy.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.Deploy.Tests.Bicep;

/// <summary>The azd template shape (Azure-Samples Flex Consumption templates), and modules wired as declared.</summary>
public sealed partial class TemplateConventionTests(InfraFixture infra)
{
    [Fact]
    public void Main_deploys_at_subscription_scope_and_creates_its_resource_group()
    {
        Assert.Equal("subscription", infra.Main.TargetScope);
        var group = Assert.Single(infra.Main.Resources, r => r.FullType == "Microsoft.Resources/resourceGroups");
        Assert.False(group.IsExisting);
        Assert.All(infra.Main.Modules, m => Assert.Equal(group.Symbol, m.Body.Property("scope")?.Text));
    }

    [Fact]
    public void The_resource_token_hashes_subscription_environment_and_location()
    {
        var token = Assert.Contains("resourceToken", infra.Main.Variables);

        Assert.Equal("toLower(uniqueString(subscription().id,environmentName,location))", Squeeze(token.Text));
    }

    [Fact]
    public void One_tags_object_with_the_azd_environment_reaches_every_module_and_every_located_resource()
    {
        var tags = infra.Main.Resolve(Assert.Contains("tags", infra.Main.Variables));
        Assert.Equal("environmentName", tags.Property("azd-env-name")?.Text);

        // A module that creates located resources declares tags, and main hands it the one object.
        var tagged = infra.Main.Modules.Where(m => infra.File("infra/" + m.Path).Parameters.Any(p => p.Name == "tags")).ToList();
        Assert.All(tagged, m => Assert.Equal("tags", m.Body.PropertyPath("params.tags")?.Text));
        var untagged = infra.Main.Modules.Except(tagged).Select(m => infra.File("infra/" + m.Path));
        Assert.All(untagged, f => Assert.DoesNotContain(f.Resources, r => !r.IsExisting && r.Body.Property("location") is not null));
        var located = infra.AllResources.Where(r => !r.IsExisting && r.Body.Property("location") is not null).ToList();
        Assert.NotEmpty(located);
        Assert.All(located, r => Assert.Matches(TagsExpression(), r.Body.Property("tags")?.Text ?? $"{r.Symbol} in {r.Node.Where} has no tags"));
    }

    [Fact]
    public void Only_the_function_app_carries_the_azd_service_tag_named_in_azure_yaml()
    {
        var tagged = infra.AllResources.Where(r => r.Body.Property("tags")?.Text.Contains("azd-service-name", StringComparison.Ordinal) == true).ToList();

        var site = Assert.Single(tagged);
        Assert.Equal("Microsoft.Web/sites", site.FullType);
        Assert.Contains("'azd-service-name': 'api'", site.Body.Property("tags")!.Text, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^  api:\s*$", ReadRepositoryFile("azure.yaml"));
    }

    [Fact]
    public void Every_resource_type_is_pinned_to_one_API_version_across_all_templates()
    {
        Assert.All(infra.AllResources, r => Assert.Matches(@"^\d{4}-\d{2}-\d{2}(-preview)?$", r.ApiVersion));
        var versions = infra.AllResources.GroupBy(r => r.FullType).Where(g => g.Select(r => r.ApiVersion).Distinct().Count() > 1).Select(g => g.Key);
        Assert.Empty(versions);
    }

    [Fact]
    public void Every_module_file_is_used_by_main_and_every_module_main_uses_exists()
    {
        var used = infra.Main.Modules.Select(m => "infra/" + m.Path).Order(StringComparer.Ordinal).ToList();
        var present = infra.Files.Select(f => f.RelativePath).Where(p => p.StartsWith("infra/modules/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(present, used);
    }

    [Fact]
    public void Modules_receive_exactly_the_parameters_they_declare_and_every_required_one()
    {
        foreach (var module in infra.Main.Modules)
        {
            var file = infra.File("infra/" + module.Path);
            var declared = file.Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
            var passed = module.Body.Property("params")!.Properties().Select(p => p.Key).ToList();

            Assert.All(passed, name => Assert.True(declared.ContainsKey(name), $"main passes '{name}' to {module.Path}, which declares no such parameter"));
            var missing = declared.Values.Where(p => p.Default is null && !passed.Contains(p.Name)).Select(p => p.Name);
            Assert.Empty(missing);
        }
    }

    [Fact]
    public void Module_outputs_used_by_main_are_declared_by_the_module()
    {
        var modules = infra.Main.Modules.ToDictionary(m => m.Symbol, m => infra.File("infra/" + m.Path), StringComparer.Ordinal);
        var references = ModuleOutput().Matches(infra.Main.Source).Select(m => (Module: m.Groups["module"].Value, Output: m.Groups["output"].Value)).Distinct().ToList();

        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.Contains(r.Output, modules[r.Module].Outputs.Select(o => o.Name)));
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
    public void Every_abbreviation_main_uses_is_defined_and_every_defined_one_is_used()
    {
        var defined = JsonNode.Parse(ReadRepositoryFile("infra/abbreviations.json"))!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        var used = Abbreviation().Matches(infra.Main.Source).Select(m => m.Groups["name"].Value).Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.Equal(defined, used);
    }

    [Fact]
    public void Globally_named_resources_take_an_abbreviation_and_the_resource_token()
    {
        var named = infra.Main.Modules
            .SelectMany(m => m.Body.Property("params")!.Properties().Where(p => p.Key == "name" || p.Key.EndsWith("Name", StringComparison.Ordinal)))
            .Where(p => p.Value.Type == "string")
            .ToList();

        Assert.NotEmpty(named);
        Assert.All(named, p => Assert.Matches(@"^'\$\{abbrs\.\w+\}.*\$\{resourceToken\}'$", p.Value.Text));
    }

    [Fact]
    public void The_parameters_file_feeds_every_required_parameter_from_azd_and_nothing_main_does_not_declare()
    {
        var file = JsonNode.Parse(ReadRepositoryFile("infra/main.parameters.json"))!.AsObject();
        var values = file["parameters"]!.AsObject();
        var declared = infra.Main.Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);

        Assert.All(values.Select(v => v.Key), name => Assert.True(declared.ContainsKey(name), $"main.parameters.json sets '{name}', which main.bicep does not declare"));
        Assert.All(declared.Values.Where(p => p.Default is null), p => Assert.True(values.ContainsKey(p.Name), $"main.bicep requires '{p.Name}' but main.parameters.json does not set it"));
        Assert.Equal("${AZURE_ENV_NAME}", (string?)values["environmentName"]?["value"]);
        Assert.Equal("${AZURE_LOCATION}", (string?)values["location"]?["value"]);
        Assert.Equal("${AZURE_PRINCIPAL_ID}", (string?)values["principalId"]?["value"]);
    }

    private static string Squeeze(string text) => Whitespace().Replace(text, string.Empty);

    private static string ReadRepositoryFile(string relativePath) => File.ReadAllText(Path.Combine(RepositoryPaths.Root, relativePath));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(tags|union\(tags,[\s\S]*\))$")]
    private static partial Regex TagsExpression();

    [GeneratedRegex(@"\b(?<module>\w+)\.outputs\.(?<output>\w+)")]
    private static partial Regex ModuleOutput();

    [GeneratedRegex(@"\babbrs\.(?<name>\w+)")]
    private static partial Regex Abbreviation();
}
