using System.Text.Json;

namespace Triggers.Platforms.Douyin;

/// <summary>
/// JSON may escape lone UTF-16 surrogates ("\uD800"), which parse but throw when read as .NET strings. Every
/// string and property name is read once here, so later reads cannot fail and the sender gets a 400 saying where.
/// </summary>
internal static class JsonTextCheck
{
    public static void Strings(JsonElement element, string what, string path = "$")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                try
                {
                    _ = element.GetString();
                }
                catch (InvalidOperationException ex)
                {
                    throw new PayloadFormatException($"{what} has a string at {path} that is not valid UTF-16 (a lone surrogate escape)", ex);
                }

                break;
            case JsonValueKind.Object:
                var index = 0;
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException ex)
                    {
                        throw new PayloadFormatException($"{what} has a property name in {path} (number {index + 1}) that is not valid UTF-16 (a lone surrogate escape)", ex);
                    }

                    Strings(property.Value, what, $"{path}.{(name.Length > 40 ? name[..40] + "…" : name)}");
                    index++;
                }

                break;
            case JsonValueKind.Array:
                var item = 0;
                foreach (var value in element.EnumerateArray())
                {
                    Strings(value, what, $"{path}[{item++}]");
                }

                break;
        }
    }
}
