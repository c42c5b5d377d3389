namespace Triggers.Core.Envelopes;

/// <summary>Builds the JSONPath of a value for error messages: <c>$[2].actor.id</c>, <c>$.attributes['order id']</c>.</summary>
internal static class EnvelopePath
{
    public const string Root = "$";

    // A sender's typo is echoed back in the path; a 10 KB property name is not.
    private const int MaxNameLength = 64;

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    public static string Property(string parent, string name) =>
        IsPlain(name) ? $"{parent}.{name}" : $"{parent}['{Quote(name)}']";

    private static bool IsPlain(string name) =>
        name.Length is > 0 and <= MaxNameLength
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static string Quote(string name)
    {
        var shown = name.Length > MaxNameLength ? name[..MaxNameLength] + "…" : name;
        return shown.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);
    }
}
