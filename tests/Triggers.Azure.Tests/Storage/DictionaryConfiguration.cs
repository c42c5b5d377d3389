using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace Triggers.Azure.Tests.Storage;

/// <summary>A flat IConfiguration over a dictionary; StorageConnection only reads keys.</summary>
internal sealed class DictionaryConfiguration(Dictionary<string, string?> values) : IConfiguration
{
    private readonly Dictionary<string, string?> _values = new(values, StringComparer.OrdinalIgnoreCase);

    public string? this[string key]
    {
        get => _values.GetValueOrDefault(key);
        set => _values[key] = value;
    }

    public IEnumerable<IConfigurationSection> GetChildren() => throw new NotSupportedException();

    public IChangeToken GetReloadToken() => throw new NotSupportedException();

    public IConfigurationSection GetSection(string key) => throw new NotSupportedException();
}
