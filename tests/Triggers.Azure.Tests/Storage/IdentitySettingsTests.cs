using Azure.Identity;
using Triggers.Azure.Storage;

namespace Triggers.Azure.Tests.Storage;

public sealed class IdentitySettingsTests
{
    private const string Key = "S2V5IGJ5dGVzIGZvciB0ZXN0aW5nIG9ubHk=";

    private static StorageConnection FromSettings(params (string Key, string Value)[] settings)
    {
        // Later settings override earlier ones, like configuration providers.
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in settings)
        {
            map[key] = value;
        }

        return StorageConnection.FromSettings(key => map.GetValueOrDefault(key));
    }

    [Fact]
    public void An_account_name_setting_uses_entra_id_with_DefaultAzureCredential()
    {
        var connection = FromSettings(("AzureWebJobsStorage__accountName", "acme"));

        Assert.Equal(new Uri("https://acme.table.core.windows.net"), connection.TableEndpoint);
        Assert.Equal(new Uri("https://acme.queue.core.windows.net"), connection.QueueEndpoint);
        Assert.Equal("acme", connection.AccountName);
        Assert.IsType<DefaultAzureCredential>(connection.Credential);
    }

    [Fact]
    public void Configuration_section_keys_work_like_double_underscore_settings()
    {
        var configuration = new DictionaryConfiguration(new()
        {
            ["AzureWebJobsStorage:accountName"] = "acme",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        });

        var connection = StorageConnection.FromConfiguration(configuration);

        Assert.IsType<ManagedIdentityCredential>(connection.Credential);
        Assert.Equal("acme", connection.AccountName);
    }

    [Fact]
    public void A_table_service_uri_alone_implies_its_queue_sibling()
    {
        var connection = FromSettings(
            ("AzureWebJobsStorage__tableServiceUri", "https://acme.table.core.windows.net"),
            ("AzureWebJobsStorage__credential", "managedidentity"));

        Assert.Equal(new Uri("https://acme.queue.core.windows.net"), connection.QueueEndpoint);
        Assert.Equal("acme", connection.AccountName);
        Assert.IsType<ManagedIdentityCredential>(connection.Credential);
    }

    [Fact]
    public void A_table_service_uri_of_unusual_shape_needs_the_queue_uri_and_says_so()
    {
        var error = Assert.Throws<StorageConfigurationException>(
            () => FromSettings(("AzureWebJobsStorage__tableServiceUri", "https://tables.example.com")));

        Assert.Equal("AzureWebJobsStorage__queueServiceUri", error.SettingName);
        Assert.Contains("AzureWebJobsStorage__queueServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AzureWebJobsStorage__credential", "clientsecret", "managedidentity")]
    [InlineData("AzureWebJobsStorage__accountName", "Not_An_Account", "3-24 lowercase")]
    [InlineData("AzureWebJobsStorage__queueServiceUri", "queue.example.com", "absolute https URI")]
    public void A_malformed_identity_setting_names_itself(string setting, string value, string hint)
    {
        var error = Assert.Throws<StorageConfigurationException>(
            () => FromSettings(("AzureWebJobsStorage__accountName", "acme"), (setting, value)));

        Assert.Equal(setting, error.SettingName);
        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
        Assert.Contains(hint, error.Message, StringComparison.Ordinal);
    }
}
