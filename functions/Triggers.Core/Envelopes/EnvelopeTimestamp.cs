using System.Globalization;
using System.Text.RegularExpressions;

namespace Triggers.Core.Envelopes;

/// <summary>
/// The one date-time format envelopes accept: ISO-8601 / RFC 3339 with an explicit offset or Z. A time
/// without an offset would be read in the server's zone, silently shifting it by hours.
/// </summary>
internal static partial class EnvelopeTimestamp
{
    public const string Expected =
        "an ISO-8601 date-time with an offset or Z, such as 2026-11-03T10:04:05+08:00 or 2026-11-03T02:04:05.250Z";

    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        return text.Length <= 40
            && Shape().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    // [0-9] rather than \d (which matches any Unicode digit) and \z rather than $ (which allows a final newline).
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
