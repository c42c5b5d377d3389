using Triggers.Azure.Storage;

namespace Triggers.Azure.Tests.Storage;

public sealed class StorageConnectionTests
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
    public void UseDevelopmentStorage_points_at_the_emulator_account_on_the_default_ports()
    {
        var connection = StorageConnection.FromConnectionString("UseDevelopmentStorage=true");

        Assert.True(connection.IsDevelopmentStorage);
        Assert.Equal("devstoreaccount1", connection.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), connection.TableEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), connection.QueueEndpoint);
        Assert.Null(connection.Credential);
    }

    [Fact]
    public void No_setting_at_all_means_development_storage()
    {
        Assert.True(FromSettings().IsDevelopmentStorage);
    }

    [Fact]
    public void An_account_key_string_derives_https_endpoints_from_the_suffix()
    {
        var connection = FromSettings(("AzureWebJobsStorage",
            $"DefaultEndpointsProtocol=https;AccountName=acme;AccountKey={Key};EndpointSuffix=core.chinacloudapi.cn"));

        Assert.False(connection.IsDevelopmentStorage);
        Assert.Equal("acme", connection.AccountName);
        Assert.Equal(new Uri("https://acme.table.core.chinacloudapi.cn"), connection.TableEndpoint);
        Assert.Equal(new Uri("https://acme.queue.core.chinacloudapi.cn"), connection.QueueEndpoint);
    }

    [Fact]
    public void Explicit_endpoints_win_over_derived_ones_and_an_emulator_string_is_not_development_storage()
    {
        var connection = StorageConnection.FromConnectionString(
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + DevelopmentStorage.AccountKey +
            ";TableEndpoint=http://127.0.0.1:20002/devstoreaccount1;QueueEndpoint=http://127.0.0.1:20001/devstoreaccount1;");

        Assert.False(connection.IsDevelopmentStorage);
        Assert.Equal(20002, connection.TableEndpoint.Port);
        Assert.Equal(20001, connection.QueueEndpoint.Port);
    }

    [Fact]
    public void A_connection_string_under_ConnectionStrings_is_found_through_IConfiguration()
    {
        var configuration = new DictionaryConfiguration(new()
        {
            ["ConnectionStrings:Custom"] = $"AccountName=acme;AccountKey={Key}",
        });

        var connection = StorageConnection.FromConfiguration(configuration, "Custom");

        Assert.Equal("acme", connection.AccountName);
    }

    [Theory]
    [InlineData("AccountName=acme;AccountKey=not base64!", "AccountKey is not valid base64")]
    [InlineData("AccountName=acme", "AccountKey is missing")]
    [InlineData("AccountKey=" + Key, "AccountName is missing")]
    [InlineData("AccountName=acme;AccountKey=" + Key + ";TableEndpoint=not a uri", "TableEndpoint 'not a uri'")]
    [InlineData("DefaultEndpointsProtocol=ftp;AccountName=acme;AccountKey=" + Key, "DefaultEndpointsProtocol")]
    [InlineData("UseDevelopmentStorage=yes", "UseDevelopmentStorage must be 'true'")]
    [InlineData("just some text", "is not of the form Name=Value")]
    public void A_malformed_connection_string_names_the_setting_the_problem_and_the_fix(string value, string problem)
    {
        var error = Assert.Throws<StorageConfigurationException>(() => FromSettings(("AzureWebJobsStorage", value)));

        Assert.Equal("AzureWebJobsStorage", error.SettingName);
        Assert.Contains("'AzureWebJobsStorage'", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains("UseDevelopmentStorage=true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_key_is_not_echoed_in_the_message()
    {
        const string secret = "ThisLooksLikeASecretKeyButIsNotBase64!!";

        var error = Assert.Throws<StorageConfigurationException>(
            () => StorageConnection.FromConnectionString($"AccountName=acme;AccountKey={secret}"));

        Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_describes_the_connection_without_the_key()
    {
        var text = StorageConnection.FromConnectionString($"AccountName=acme;AccountKey={Key}").ToString();

        Assert.Contains("acme", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
    }

}
