using System.Text.RegularExpressions;

namespace Triggers.Azure.Tables;

internal static partial class TableKeys
{
    /// <summary>Rejects the characters the service forbids in PartitionKey and RowKey.</summary>
    public static void Validate(string? key, string name)
    {
        if (key is null)
        {
            throw new ArgumentException($"{name} is required.", name);
        }

        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                var shown = char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString();
                throw new ArgumentException(
                    $"{name} '{Printable(key)}' contains '{shown}'; Table Storage keys may not contain '/', '\\', '#', '?' or control characters.",
                    name);
            }
        }
    }

    /// <summary>The entity's address: <c>(PartitionKey='a',RowKey='O''Brien')</c>, quotes doubled, then percent-encoded.</summary>
    public static string EntityPath(string partitionKey, string rowKey) =>
        $"(PartitionKey='{Encode(partitionKey)}',RowKey='{Encode(rowKey)}')";

    public static void ValidateTableName(string? tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        if (!TableNamePattern().IsMatch(tableName) || string.Equals(tableName, "tables", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                $"'{tableName}' is not a valid table name: use 3-63 letters and digits, starting with a letter (and not 'tables').",
                nameof(tableName));
        }
    }

    private static string Encode(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));

    private static string Printable(string key) => new([.. key.Select(c => char.IsControl(c) ? '?' : c)]);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex TableNamePattern();
}
