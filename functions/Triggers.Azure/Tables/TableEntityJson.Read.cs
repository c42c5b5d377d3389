using System.Globalization;
using System.Text.Json;
using Azure;

namespace Triggers.Azure.Tables;

/// <summary>Reading minimal-metadata entity JSON back into typed values.</summary>
internal static partial class TableEntityJson
{
    public static TableEntity Read(JsonElement element)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.EndsWith(TypeSuffix, StringComparison.Ordinal) && property.Value.ValueKind == JsonValueKind.String)
            {
                types[property.Name[..^TypeSuffix.Length]] = property.Value.GetString()!;
            }
        }

        var entity = new TableEntity();
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (name == "odata.etag")
            {
                entity.ETag = new ETag(property.Value.GetString() ?? string.Empty);
            }
            else if (!name.StartsWith("odata.", StringComparison.Ordinal) && !name.EndsWith(TypeSuffix, StringComparison.Ordinal)
                && property.Value.ValueKind != JsonValueKind.Null)
            {
                var type = name == TableEntity.TimestampName ? "Edm.DateTime" : types.GetValueOrDefault(name);
                entity[name] = ReadValue(name, property.Value, type);
            }
        }

        return entity;
    }

    private static object ReadValue(string name, JsonElement value, string? edmType)
    {
        try
        {
            return edmType switch
            {
                "Edm.Int64" => value.ValueKind == JsonValueKind.String
                    ? long.Parse(value.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)
                    : value.GetInt64(),
                "Edm.Int32" => value.GetInt32(),
                "Edm.Double" => value.ValueKind == JsonValueKind.String
                    ? double.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
                    : value.GetDouble(),
                "Edm.DateTime" => DateTimeOffset.Parse(
                    value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                "Edm.Guid" => Guid.Parse(value.GetString()!, CultureInfo.InvariantCulture),
                "Edm.Binary" => value.GetBytesFromBase64(),
                "Edm.Boolean" => value.GetBoolean(),
                _ => Untyped(value),
            };
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or OverflowException)
        {
            throw new FormatException($"Property '{name}' has a value that is not a valid {edmType}: {value.GetRawText()}", e);
        }
    }

    private static object Untyped(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when value.TryGetInt32(out var i) => i,
        JsonValueKind.Number when value.TryGetInt64(out var l) => l,
        JsonValueKind.Number => value.GetDouble(),
        _ => value.GetRawText(),
    };
}
