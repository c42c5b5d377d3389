using System.Globalization;

namespace Triggers.Azure.Stores;

/// <summary>OData literals the stores put into <c>$filter</c> expressions.</summary>
internal static class FilterLiterals
{
    /// <summary>
    /// A UTC instant as a <c>datetime'...'</c> literal to the tick (7 decimals), so a filter compares exactly like the
    /// stored value; milliseconds alone would drop an entity due within the same millisecond.
    /// </summary>
    public static string DateTime(DateTimeOffset time) =>
        $"datetime'{time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)}'";
}
