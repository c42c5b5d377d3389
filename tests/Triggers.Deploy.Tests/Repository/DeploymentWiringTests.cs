using System.Text.RegularExpressions;
using Triggers.Deploy.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.Deploy.Tests.Repository;

/// <summary>azure.yaml, the packaging script, CI and the docs agree with each other and with the compiled templates.</summary>
public sealed partial class DeploymentWiringTests(InfraFixture infra)
{
    // The service azure.yaml deploys, as azure.yaml writes it (relative to the repository root).
    private const string FunctionsProject = "./functions/Triggers.Functions";

    private static string Read(string relativePath) => File.ReadAllText(Path.Combine(RepositoryPaths.Root, relativePath));

    [Fact]
    public void Azd_publishes_the_isolated_worker_project_itself_as_a_function_app()
    {
        var yaml = Read("azure.yaml");

        Assert.Equal(FunctionsProject, Assert.Single(YamlValue("project").Matches(yaml)).Groups["value"].Value);
        // language dotnet: azd runs `dotnet publish` on the project and deploys the output; nothing is prebuilt.
        Assert.Equal("dotnet", Assert.Single(YamlValue("language").Matches(yaml)).Groups["value"].Value);
        Assert.Equal("function", Assert.Single(YamlValue("host").Matches(yaml)).Groups["value"].Value);
        Assert.Empty(YamlValue("dist").Matches(yaml));
        Assert.DoesNotContain("package.sh", yaml, StringComparison.Ordinal);
    }

    /// <summary>Fails until functions/Triggers.Functions (the isolated-worker project, written apart) is in the repository.</summary>
    [Fact]
    public void The_project_azd_deploys_is_an_isolated_worker_function_app()
    {
        var directory = Path.Combine(RepositoryPaths.Root, FunctionsProject);
        var project = Path.Combine(directory, Path.GetFileName(FunctionsProject) + ".csproj");

        Assert.True(File.Exists(project), $"azure.yaml deploys {FunctionsProject}, but {Path.GetRelativePath(RepositoryPaths.Root, project)} does not exist");
        Assert.Contains("Microsoft.Azure.Functions.Worker.Sdk", File.ReadAllText(project), StringComparison.Ordinal);
    }

    [Fact]
    public void The_packaging_script_is_executable_and_stops_at_the_first_failing_step()
    {
        var script = Read("scripts/package.sh");

        Assert.StartsWith("#!/usr/bin/env bash", script, StringComparison.Ordinal);
        Assert.Contains("set -euo pipefail", script, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.True(File.GetUnixFileMode(Path.Combine(RepositoryPaths.Root, "scripts/package.sh")).HasFlag(UnixFileMode.UserExecute));
        }
    }

    [Fact]
    public void CI_runs_the_repository_test_entry_point_and_checks_Bicep_only_with_Azure_credentials()
    {
        var workflow = Read(".github/workflows/ci.yml");

        Assert.Contains("run: bash .ci/run", workflow, StringComparison.Ordinal);
        Assert.Contains("az bicep build --file infra/main.bicep", workflow, StringComparison.Ordinal);
        Assert.Contains("az deployment sub what-if", workflow, StringComparison.Ordinal);
        // Every step after the credential check is guarded by it.
        var bicepJob = workflow[workflow.IndexOf("\n  bicep:", StringComparison.Ordinal)..];
        var steps = StepStart().Split(bicepJob).Skip(2).ToList();
        Assert.NotEmpty(steps);
        Assert.All(steps, step => Assert.Contains("if: steps.azure.outputs.configured == 'true'", step, StringComparison.Ordinal));
    }

    [Fact]
    public void The_readme_points_to_the_deployment_guide()
    {
        var readme = Read("README.md");
        var start = readme.IndexOf("\n## Deploy\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no '## Deploy' section");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = end < 0 ? readme[start..] : readme[start..end];

        Assert.Contains("(docs/deploy.md)", section, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "docs/deploy.md")));
    }

    [Fact]
    public void Every_output_or_setting_the_guide_names_is_one_the_templates_produce()
    {
        var guide = Read("docs/deploy.md");
        // Variables azd or the operator sets, rather than anything the templates produce.
        string[] azdVariables = ["AZURE_ENV_NAME", "AZURE_PRINCIPAL_ID", "AZURE_PRINCIPAL_TYPE", "AZURE_SUBSCRIPTION_ID"];
        var produced = infra.Main.Outputs.Select(o => o.Name)
            .Concat(AppSettings.Read(infra.FunctionApp).Settings.Select(s => s.Key))
            .ToHashSet(StringComparer.Ordinal);

        var named = EnvironmentName().Matches(guide).Select(m => m.Value).Distinct().Where(n => !azdVariables.Contains(n)).ToList();

        Assert.NotEmpty(named);
        Assert.All(named, n => Assert.True(produced.Contains(n), $"docs/deploy.md names {n}, which is neither an output of main.bicep nor an app setting"));
    }

    [Fact]
    public void The_guide_states_the_Key_Vault_secret_names_the_template_references()
    {
        var guide = Read("docs/deploy.md");
        var references = AppSettings.Read(infra.FunctionApp).Settings.Where(s => s.Value.ToString().Contains("@Microsoft.KeyVault(", StringComparison.Ordinal)).ToList();
        var reference = references.Single(s => s.Key.StartsWith("Channels__", StringComparison.Ordinal)).Value.ToString();
        var adminKey = references.Single(s => s.Key.StartsWith("Admin__Keys__", StringComparison.Ordinal)).Value.ToString();

        // The template lower-cases 'channel-{name}-{setting}' with '_' in the name as '-'; the guide must say the same.
        Assert.Contains("toLower(format('channel-{0}-{1}', replace(lambdaVariables('channel').name, '_', '-'), lambdaVariables('secret')))", reference, StringComparison.Ordinal);
        Assert.Contains("`channel-{channel}-{setting}` in lower case, with any\n   `_` in the channel name written as `-`", guide, StringComparison.Ordinal);
        Assert.Contains("toLower(format('admin-key-{0}', replace(lambdaVariables('key').name, '_', '-')))", adminKey, StringComparison.Ordinal);
        Assert.Contains("`admin-key-{name}` in lower case, with any `_` in the name written as `-`", guide, StringComparison.Ordinal);
    }

    private static Regex YamlValue(string key) => new($@"(?m)^\s+{Regex.Escape(key)}:\s*(?<value>\S+)\s*$");

    [GeneratedRegex(@"(?m)^      - ")]
    private static partial Regex StepStart();

    [GeneratedRegex(@"\b(AZURE|SERVICE|WEBHOOK|APPLICATIONINSIGHTS)_[A-Z0-9_]*[A-Z0-9]\b")]
    private static partial Regex EnvironmentName();
}
