using System.Globalization;

namespace Triggers.Core.StaffTables;

/// <summary>
/// Reads the cells of tables operations staff edit by hand (Topics, Rewards, Scoring) leniently: a value typed as text
/// ("true", "100", "2026-12-31") counts as well as the proper type; a blank cell counts as absent. Each returns false for
/// a value it cannot read, so the caller reports the row and the field.
/// </summary>
public static class StaffCells
{
    public static bool IsBlank(object? raw) => raw is null or string { Length: 0 } || (raw is string s && string.IsNullOrWhiteSpace(s));

    public static bool TryBool(object? raw, out bool? value)
    {
        value = null;
        switch (raw)
        {
            case var _ when IsBlank(raw):
                return true;
            case bool b:
                value = b;
                return true;
            case string s when bool.TryParse(s.Trim(), out var parsed):
                value = parsed;
                return true;
            default:
                return false;
        }
    }

    public static bool TryWhole(object? raw, out long? value)
    {
        value = null;
        switch (raw)
        {
            case var _ when IsBlank(raw):
                return true;
            case int i:
                value = i;
                return true;
            case long l:
                value = l;
                return true;
            case double d when d == Math.Floor(d) && Math.Abs(d) <= long.MaxValue / 2:
                value = (long)d;
                return true;
            case string s when long.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed):
                value = parsed;
                return true;
            default:
                return false;
        }
    }

    public static bool TryNumber(object? raw, out double? value)
    {
        value = null;
        switch (raw)
        {
            case var _ when IsBlank(raw):
                return true;
            case int i:
                value = i;
                return true;
            case long l:
                value = l;
                return true;
            case double d when double.IsFinite(d):
                value = d;
                return true;
            case string s when double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed):
                value = parsed;
                return true;
            default:
                return false;
        }
    }

    public static bool TryTime(object? raw, out DateTimeOffset? value)
    {
        value = null;
        switch (raw)
        {
            case var _ when IsBlank(raw):
                return true;
            case DateTimeOffset d:
                value = d;
                return true;
            case DateTime d:
                value = new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc));
                return true;
            case string s when DateTimeOffset.TryParse(s.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed):
                value = parsed;
                return true;
            default:
                return false;
        }
    }
}
