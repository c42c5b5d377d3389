using System.Text.Json;
using Triggers.Core.Signals;
using F = Triggers.Core.Envelopes.EnvelopeFields;

namespace Triggers.Core.Envelopes;

/// <summary>The two object-valued properties of a signal envelope: <c>actor</c> and <c>attributes</c>.</summary>
internal sealed class EnvelopeObjectFields(EnvelopeValues values)
{
    private const string ActorExpected = "an object with id (a non-empty string: the contact's id in your system) and optionally name";
    private const string ActorIdExpected = "a non-empty string: the contact's id in your system";

    public SignalActor? ReadActor(Dictionary<string, JsonElement> properties, string path)
    {
        var at = EnvelopePath.Property(path, F.Actor);
        if (!properties.TryGetValue(F.Actor, out var value))
        {
            values.Errors.Add(at, $"is required: {ActorExpected}");
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            values.Errors.Add(at, $"expected {ActorExpected}, got {EnvelopeValues.Describe(value)}");
            return null;
        }

        var fields = values.Properties(value, at, F.ActorFields);
        var id = values.Required(fields, at, F.ActorId, ActorIdExpected);
        if (id is { Length: 0 })
        {
            values.Errors.Add(EnvelopePath.Property(at, F.ActorId), $"expected {ActorIdExpected}, got an empty string");
            id = null;
        }

        var name = values.Optional(fields, at, F.ActorName, "a string (the contact's display name) or null");
        return id is null ? null : new SignalActor(id, name);
    }

    public Dictionary<string, string>? ReadAttributes(Dictionary<string, JsonElement> properties, string path)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!properties.TryGetValue(F.Attributes, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return attributes;
        }

        var at = EnvelopePath.Property(path, F.Attributes);
        if (value.ValueKind != JsonValueKind.Object)
        {
            values.Errors.Add(at, $"expected an object of string values, such as {{\"orderId\": \"A123\"}}, got {EnvelopeValues.Describe(value)}");
            return null;
        }

        foreach (var attribute in value.EnumerateObject())
        {
            var attributeAt = EnvelopePath.Property(at, attribute.Name);
            if (attribute.Name.Length == 0)
            {
                values.Errors.Add(attributeAt, "attribute names must not be empty");
            }
            else if (values.String(attribute.Value, attributeAt, "a string (write numbers and flags as text)") is { } text
                && !attributes.TryAdd(attribute.Name, text))
            {
                values.Errors.Add(attributeAt, "appears more than once; give each attribute once");
            }
        }

        return attributes;
    }
}
