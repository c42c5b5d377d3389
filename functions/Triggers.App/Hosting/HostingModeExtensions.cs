namespace Triggers.App.Hosting;

public static class HostingModeExtensions
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <summary>Chooses where to listen: the host's port, else --urls/ASPNETCORE_URLS, else 127.0.0.1:7071.</summary>
    public static HostingMode ConfigureHostingMode(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var mode = HostingMode.From(builder.Configuration);
        builder.Services.AddSingleton(mode);
        builder.Services.AddSingleton(TimeProvider.System);
        if (mode.IsCustomHandler)
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{mode.CustomHandlerPort}");
        }
        else if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return mode;
    }
}
