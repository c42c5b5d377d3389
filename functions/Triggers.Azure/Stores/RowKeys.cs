namespace Triggers.Azure.Stores;

internal static class RowKeys
{
    /// <summary>Ticks counted down from the maximum, so an ascending table scan reads newest first.</summary>
    public static string NewestFirst(DateTimeOffset time, string id) =>
        $"{DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks:D19}-{id}";
}
