namespace Triggers.Azure.Tables;

/// <summary>Helpers for OData <c>$filter</c> expressions.</summary>
public static class TableFilter
{
    /// <summary>A string literal: <c>O'Brien</c> becomes <c>'O''Brien'</c>.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";
    }
}
