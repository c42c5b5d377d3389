namespace Triggers.Platforms;

/// <summary>Finds the adapter for a channel's platform name.</summary>
public sealed class PlatformRegistry
{
    private readonly Dictionary<string, IPlatformAdapter> adapters = new(StringComparer.OrdinalIgnoreCase);

    public PlatformRegistry(IEnumerable<IPlatformAdapter> adapters)
    {
        ArgumentNullException.ThrowIfNull(adapters);
        foreach (var adapter in adapters)
        {
            if (!this.adapters.TryAdd(adapter.Platform, adapter))
            {
                throw new ArgumentException(
                    $"Two adapters claim platform '{adapter.Platform}': {this.adapters[adapter.Platform].GetType().Name} and {adapter.GetType().Name}.",
                    nameof(adapters));
            }
        }
    }

    public IReadOnlyCollection<string> Platforms => adapters.Keys;

    public IPlatformAdapter? Find(string platform) =>
        adapters.TryGetValue(platform, out var adapter) ? adapter : null;
}
