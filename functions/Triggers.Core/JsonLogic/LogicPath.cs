namespace Triggers.Core.JsonLogic;

/// <summary>JSONPath for error messages: <c>$.and[1]</c>, <c>$['=='][0]</c>.</summary>
internal static class LogicPath
{
    public const string Root = "$";

    public static string Index(string path, int index) => $"{path}[{index}]";

    public static string Member(string path, string name) =>
        IsIdentifier(name) ? $"{path}.{name}" : $"{path}['{name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}']";

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
