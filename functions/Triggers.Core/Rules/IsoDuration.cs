using System.Xml;

namespace Triggers.Core.Rules;

/// <summary>ISO-8601 durations as rules write them: PT10M, PT2H30M, P1D.</summary>
internal static class IsoDuration
{
    public const string Examples = "PT10M (10 minutes), PT2H (2 hours) or P1D (1 day)";

    public static bool TryParse(string text, out TimeSpan value)
    {
        try
        {
            value = XmlConvert.ToTimeSpan(text.Trim());
            return true;
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            value = default;
            return false;
        }
    }
}
