using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Triggers.Azure.Tables;

/// <summary>Entity JSON as the Table service speaks it, with <c>@odata.type</c> annotations for non-native types.</summary>
internal static partial class TableEntityJson
{
    private const string TypeSuffix = "@odata.type";

    public static byte[] Serialize(TableEntity entity)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in entity)
            {
                if (value is not null && name != TableEntity.TimestampName)
                {
                    WriteProperty(writer, name, value);
                }
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static void WriteTableName(Utf8JsonWriter writer, string tableName)
    {
        writer.WriteStartObject();
        writer.WriteString("TableName", tableName);
        writer.WriteEndObject();
    }

    private static void WriteProperty(Utf8JsonWriter writer, string name, object value)
    {
        switch (value)
        {
            case string s:
                writer.WriteString(name, s);
                break;
            case bool b:
                writer.WriteBoolean(name, b);
                break;
            case int i:
                writer.WriteNumber(name, i);
                break;
            case long l:
                Annotated(writer, name, "Edm.Int64").WriteStringValue(l.ToString(CultureInfo.InvariantCulture));
                break;
            case double or float:
                WriteDouble(Annotated(writer, name, "Edm.Double"), Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset d:
                Annotated(writer, name, "Edm.DateTime").WriteStringValue(FormatDate(d));
                break;
            case DateTime d:
                Annotated(writer, name, "Edm.DateTime").WriteStringValue(FormatDate(AsUtc(d)));
                break;
            case Guid g:
                Annotated(writer, name, "Edm.Guid").WriteStringValue(g.ToString("D"));
                break;
            case byte[] bytes:
                Annotated(writer, name, "Edm.Binary").WriteBase64StringValue(bytes);
                break;
            case BinaryData data:
                Annotated(writer, name, "Edm.Binary").WriteBase64StringValue(data.ToMemory().Span);
                break;
            default:
                throw new ArgumentException(
                    $"Property '{name}' is a {value.GetType().Name}, which Table Storage cannot store; use string, bool, int, long, double, DateTimeOffset, DateTime, Guid or byte[].",
                    nameof(value));
        }
    }

    private static Utf8JsonWriter Annotated(Utf8JsonWriter writer, string name, string edmType)
    {
        writer.WriteString(name + TypeSuffix, edmType);
        writer.WritePropertyName(name);
        return writer;
    }

    private static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        if (double.IsNaN(value))
        {
            writer.WriteStringValue("NaN");
        }
        else if (double.IsInfinity(value))
        {
            writer.WriteStringValue(value > 0 ? "Infinity" : "-Infinity");
        }
        else
        {
            // A number without a decimal point would read as Edm.Int32 wherever the annotation is lost.
            var text = value.ToString("R", CultureInfo.InvariantCulture);
            writer.WriteRawValue(text.AsSpan().IndexOfAny('.', 'E') >= 0 ? text : text + ".0");
        }
    }

    private static DateTimeOffset AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => new DateTimeOffset(value.ToUniversalTime(), TimeSpan.Zero),
        _ => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)),
    };

    private static string FormatDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
