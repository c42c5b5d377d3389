using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Triggers.Testing;

namespace Triggers.App.Tests.Infrastructure;

/// <summary>
/// The real app on the test server, against the test run's Azurite. Only configuration and, where a test
/// needs a failure, a service are swapped.
/// </summary>
internal sealed class TriggersAppFactory(
    AzuriteFixture azurite,
    IReadOnlyDictionary<string, string?> settings,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("AzureWebJobsStorage", azurite.ConnectionString);
        builder.UseSetting("Admin:Key", AdminKey);
        builder.UseSetting("Processing:RulesRefreshInterval", "00:00:01");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    /// <summary>Settings for a generic channel of the tenant, signed with the secret, with quiet hours off for the tenant (tests run at any hour).</summary>
    public static Dictionary<string, string?> GenericChannel(string channel, string tenant, string secret) => new()
    {
        [$"Channels:{channel}:Platform"] = "generic",
        [$"Channels:{channel}:Tenant"] = tenant,
        [$"Channels:{channel}:Secret"] = secret,
        [$"Tenants:{tenant}:Guardrails:QuietHoursEnabled"] = "false",
    };

    /// <summary>Two brands, each with a generic channel named "{tenant}-gen", and an agency's admin key that may see only the first.</summary>
    public static Dictionary<string, string?> TwoBrandsWithAgencyKey(string brandA, string brandB, string keyName, string key)
    {
        var settings = GenericChannel(brandA + "-gen", brandA, "brand-a-secret-000001");
        foreach (var (name, value) in GenericChannel(brandB + "-gen", brandB, "brand-b-secret-000001"))
        {
            settings[name] = value;
        }

        settings[$"Admin:Keys:{keyName}:Key"] = key;
        settings[$"Admin:Keys:{keyName}:Tenants"] = brandA;
        return settings;
    }

    /// <summary>Settings for a WeChat channel on the official test account, with a unique name and tenant.</summary>
    public static Dictionary<string, string?> WeChatChannel(string channel, string tenant) => new()
    {
        [$"Channels:{channel}:Platform"] = "wechat",
        [$"Channels:{channel}:Tenant"] = tenant,
        [$"Channels:{channel}:Token"] = WeChatVectors.Token,
        [$"Channels:{channel}:EncodingAesKey"] = WeChatVectors.EncodingAesKey,
        [$"Channels:{channel}:AppId"] = WeChatVectors.AppId,
        [$"Channels:{channel}:ReplayWindow"] = WeChatVectors.WideReplayWindow,
    };

    public HttpClient CreateAdminClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", AdminKey);
        return client;
    }
}
