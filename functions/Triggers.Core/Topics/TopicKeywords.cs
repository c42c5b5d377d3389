using System.Text.Json;

namespace Triggers.Core.Topics;

/// <summary>
/// Reads the <c>Keywords</c> cell staff type: a JSON array of strings, or words separated by commas (, or ，),
/// 、 or new lines. Blank entries are dropped, duplicates kept once.
/// </summary>
public static class TopicKeywords
{
    private static readonly char[] Separators = [',', '，', '、', '\n', '\r'];

    /// <returns>False with a message saying what is wrong when the cell starts like a JSON array but is not one.</returns>
    public static bool TryParse(string? cell, out IReadOnlyList<string> keywords, out string? error)
    {
        keywords = [];
        error = null;
        if (string.IsNullOrWhiteSpace(cell))
        {
            return true;
        }

        var trimmed = cell.Trim();
        if (!trimmed.StartsWith('['))
        {
            keywords = Distinct(trimmed.Split(Separators));
            return true;
        }

        try
        {
            using var document = JsonDocument.Parse(trimmed);
            var items = new List<string>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    error = $"the JSON array holds {item.ValueKind.ToString().ToLowerInvariant()} {item.GetRawText()}; every keyword must be a string in double quotes";
                    return false;
                }

                items.Add(item.GetString()!);
            }

            keywords = Distinct(items);
            return true;
        }
        catch (JsonException ex)
        {
            error = $"it starts with '[' but is not a valid JSON array ({ex.Message}); write [\"续航\",\"range\"] or separate keywords with commas";
            return false;
        }
    }

    private static List<string> Distinct(IEnumerable<string> items) =>
        items.Select(item => item.Trim()).Where(item => item.Length > 0).Distinct(StringComparer.Ordinal).ToList();
}
