namespace Triggers.Platforms;

/// <summary>
/// The body media types each platform sends on POST. Anything else is refused with 415 before the body is
/// read, so a mislabelled or tampered request never reaches a parser.
/// </summary>
public static class PlatformMediaTypes
{
    private static readonly string[] XmlOrJson = ["text/xml", "application/xml", "application/json"];
    private static readonly string[] Json = ["application/json"];

    public static IReadOnlyList<string> For(string platform) => platform switch
    {
        // The WeChat family posts XML by default and JSON when the console chooses the JSON data format.
        "wechat" or "wecom" => XmlOrJson,
        _ => Json,
    };

    /// <summary>True when <paramref name="contentType"/> (parameters such as charset ignored) is one the platform sends.</summary>
    public static bool Accepts(string platform, string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        var mediaType = contentType.Split(';', 2)[0].Trim();
        return For(platform).Contains(mediaType, StringComparer.OrdinalIgnoreCase);
    }
}
