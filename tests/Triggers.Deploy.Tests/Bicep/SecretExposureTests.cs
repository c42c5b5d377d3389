using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Triggers.Deploy.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.Deploy.Tests.Bicep;

/// <summary>No secret passes through parameters or comes out of outputs of the compiled templates: secrets live in Key Vault only.</summary>
public sealed partial class SecretExposureTests(InfraFixture infra) : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("triggers-secrets-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Theory]
    [InlineData("STORAGE_KEY", true)]
    [InlineData("adminPassword", true)]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING", true)]
    [InlineData("connectionString", true)]
    [InlineData("channelSecret", true)]
    [InlineData("sasToken", true)]
    [InlineData("AZURE_KEY_VAULT_NAME", false)]
    [InlineData("keyVaultSoftDeleteRetentionInDays", false)]
    [InlineData("AZURE_MANAGED_IDENTITY_CLIENT_ID", false)]
    [InlineData("principalId", false)]
    public void Secret_looking_names_are_told_apart_from_key_vault_names(string name, bool looksSecret)
    {
        Assert.Equal(looksSecret, SecretAudit.LooksSecret(name));
    }

    [Fact]
    public void No_parameter_or_output_of_any_template_carries_a_secret()
    {
        Assert.Empty(SecretAudit.Violations(infra.Templates));
    }

    [Fact]
    public void Main_takes_no_secure_parameter_so_the_parameters_file_never_holds_a_secret()
    {
        Assert.DoesNotContain(infra.Main.Parameters, p => p.IsSecure);

        var parameters = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra/main.parameters.json")))!["parameters"]!.AsObject();
        foreach (var (name, value) in parameters)
        {
            var literal = value!["value"]!;
            // Strings come from the azd environment; structured values (channels, extra settings) are plain configuration.
            if (literal.GetValueKind() == System.Text.Json.JsonValueKind.String)
            {
                Assert.Matches(AzdSubstitution(), (string)literal!);
            }

            Assert.False(SecretAudit.LooksSecret(name), $"main.parameters.json sets '{name}', which looks like a secret");
        }
    }

    [Fact]
    public void No_template_embeds_a_credential_literal()
    {
        string[] markers = ["AccountKey=", "SharedAccessKey=", "InstrumentationKey=", "-----BEGIN"];

        Assert.All(infra.Files, f => Assert.DoesNotContain(markers, m => f.Source.Contains(m, StringComparison.OrdinalIgnoreCase)));
        Assert.All(infra.Templates, t => Assert.DoesNotContain(markers, m => t.Json.ToJsonString().Contains(m, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task The_audit_flags_an_exposed_secure_parameter_a_secret_name_and_a_key_listing()
    {
        var path = Path.Combine(_scratch, "leaky.bicep");
        await File.WriteAllTextAsync(path, """
            @secure()
            param adminPassword string
            param name string
            resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
              name: name
            }
            output echo string = adminPassword
            output STORAGE_KEY string = storage.listKeys().keys[0].value
            """, TestContext.Current.CancellationToken);
        var output = Path.Combine(_scratch, "leaky.json");
        var build = await BicepCli.BuildAsync(path, output, TestContext.Current.CancellationToken);
        Assert.True(build.Result.ExitCode == 0, build.Describe());
        var template = new ArmTemplate(JsonNode.Parse(await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken))!.AsObject(), "leaky.bicep");

        var violations = SecretAudit.Violations([template]);

        Assert.Contains(violations, v => v.Contains("parameter 'adminPassword' looks like a secret", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("output 'echo' exposes @secure() parameter 'adminPassword'", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("output 'STORAGE_KEY' looks like a secret", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("output 'STORAGE_KEY' reads listKeys", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^\$\{[A-Z_][A-Z0-9_]*(=[^}]*)?\}$")]
    private static partial Regex AzdSubstitution();
}
