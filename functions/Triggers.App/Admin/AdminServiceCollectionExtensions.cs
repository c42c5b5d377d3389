namespace Triggers.App.Admin;

public static class AdminServiceCollectionExtensions
{
    public static IServiceCollection AddTriggersAdmin(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.SectionName));
        services.AddSingleton<AdminKeyFilter>();
        return services;
    }
}
