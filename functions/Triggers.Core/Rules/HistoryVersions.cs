using System.Globalization;

namespace Triggers.Core.Rules;

/// <summary>Rule versions are the entity's last-modified time (see TableRuleSource); this reads them back.</summary>
public static class HistoryVersions
{
    public static bool TryParse(string? version, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(version, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
}
