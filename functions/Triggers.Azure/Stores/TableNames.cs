namespace Triggers.Azure.Stores;

/// <summary>Table names in one place (they are also documented in docs/tables.md).</summary>
public static class TableNames
{
    public const string Signals = "Signals";
    public const string Touchpoints = "Touchpoints";
    public const string Rules = "Rules";
    public const string Dedupe = "Dedupe";

    public static IReadOnlyList<string> All { get; } = [Signals, Touchpoints, Rules, Dedupe];
}
