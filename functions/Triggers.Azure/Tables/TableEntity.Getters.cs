namespace Triggers.Azure.Tables;

/// <summary>Typed reads: null when the property is absent, an exception naming it when its type differs.</summary>
public sealed partial class TableEntity
{
    public string? GetString(string name) => GetObject<string>(name, v => v as string);

    public bool? GetBoolean(string name) => GetValue<bool>(name, v => v is bool b ? b : null);

    public int? GetInt32(string name) => GetValue<int>(name, v => v is int i ? i : null);

    public long? GetInt64(string name) => GetValue<long>(name, v => v switch
    {
        long l => l,
        int i => i,
        _ => null,
    });

    public double? GetDouble(string name) => GetValue<double>(name, v => v switch
    {
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        _ => null,
    });

    public DateTimeOffset? GetDateTimeOffset(string name) => GetValue<DateTimeOffset>(name, v => v switch
    {
        DateTimeOffset d => d,
        DateTime d => new DateTimeOffset(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d),
        _ => null,
    });

    public Guid? GetGuid(string name) => GetValue<Guid>(name, v => v is Guid g ? g : null);

    public byte[]? GetBinary(string name) => GetObject<byte[]>(name, v => v switch
    {
        byte[] b => b,
        BinaryData d => d.ToArray(),
        _ => null,
    });

    private T? GetObject<T>(string name, Func<object, T?> convert)
        where T : class =>
        _properties.TryGetValue(name, out var value) && value is not null
            ? convert(value) ?? throw Mismatch(name, value, typeof(T))
            : null;

    private T? GetValue<T>(string name, Func<object, T?> convert)
        where T : struct =>
        _properties.TryGetValue(name, out var value) && value is not null
            ? convert(value) ?? throw Mismatch(name, value, typeof(T))
            : null;

    private static InvalidOperationException Mismatch(string name, object value, Type wanted) =>
        new($"Property '{name}' holds a {value.GetType().Name}, not a {wanted.Name}.");
}
