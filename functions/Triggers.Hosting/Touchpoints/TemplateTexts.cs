namespace Triggers.Hosting.Touchpoints;

/// <summary>
/// Message templates by name, from configuration: <c>Templates:{tenant}:{name}</c>, else <c>Templates:{name}</c>. Read on
/// every send, so a changed setting (App Configuration, Key Vault reference refresh) applies without a restart.
/// </summary>
public sealed class TemplateTexts(IConfiguration configuration)
{
    public const string SectionName = "Templates";

    public string? Find(string tenant, string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var section = configuration.GetSection(SectionName);
        return NonEmpty(section[$"{tenant}:{name}"]) ?? NonEmpty(section[name]);
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
