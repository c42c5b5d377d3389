namespace Triggers.Azure.Language;

/// <summary>Picks the language sent with a document when the caller gave none (the service would assume en).</summary>
internal static class LanguageHint
{
    public static string For(string text, string? language, string defaultLanguage) =>
        !string.IsNullOrWhiteSpace(language) ? language : ContainsHan(text) ? "zh-hans" : defaultLanguage;

    private static bool ContainsHan(string text)
    {
        foreach (var c in text)
        {
            // CJK Unified Ideographs and Extension A; enough to tell Chinese from Latin-script text.
            if (c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF')
            {
                return true;
            }
        }

        return false;
    }
}
