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
            else if (attribute.Name == IdentifyAttributes.Accounts && attribute.Value.ValueKind == JsonValueKind.Array)
            {
                if (ReadAccounts(attribute.Value, attributeAt) is { } accounts && !attributes.TryAdd(attribute.Name, accounts))
                {
                    values.Errors.Add(attributeAt, "appears more than once; give each attribute once");
                }
            }
            else if (attribute.Name == People.IdentityKeys.PhoneAttribute && attribute.Value.ValueKind != JsonValueKind.String)
            {
                // Said without the value: a phone number is not echoed into errors, logs or poison queues.
                values.Errors.Add(attributeAt, "expected the phone number as a string, for example \"138 0013 8000\"");
            }
            else if (values.String(attribute.Value, attributeAt, "a string (write numbers and flags as text)") is { } text
                && !attributes.TryAdd(attribute.Name, text))
            {
                values.Errors.Add(attributeAt, "appears more than once; give each attribute once");
            }
        }

        return attributes;
    }

    /// <summary>
    /// <c>attributes.accounts</c> of an <c>identify</c> signal: an array of <c>{"platform", "id"}</c> objects, kept as one
    /// attribute of <c>platform:id</c> lines (see <see cref="IdentifyAttributes"/>).
    /// </summary>
    private string? ReadAccounts(JsonElement array, string at)
    {
        const string Expected = "an object {\"platform\": \"douyin\", \"id\": \"the account id there\"}";
        var lines = new List<string>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemAt = $"{at}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                values.Errors.Add(itemAt, $"expected {Expected}, got {EnvelopeValues.Describe(item)}");
                continue;
            }

            string? platform = null, id = null;
            foreach (var property in item.EnumerateObject())
            {
                var propertyAt = EnvelopePath.Property(itemAt, property.Name);
                switch (property.Name)
                {
                    case "platform":
                        platform = values.String(property.Value, propertyAt, "a platform name such as douyin");
                        break;
                    case "id":
                        id = values.String(property.Value, propertyAt, "the account's id on that platform");
                        break;
                    default:
                        values.Errors.Add(propertyAt, "is not a property of an account: give only platform and id");
                        break;
                }
            }

            if (platform is null || id is null)
            {
                values.Errors.Add(itemAt, $"expected {Expected}: platform and id are both required");
            }
            else if (!People.AccountRef.TryParse($"{platform}:{id}", out var account, out var error))
            {
                values.Errors.Add(itemAt, error!);
            }
            else
            {
                lines.Add(account.ToString());
            }
        }

        // The sending account makes one more.
        if (index > People.PersonLinker.MaxAccounts - 1)
        {
            values.Errors.Add(at, $"lists {index} accounts; an identify signal lists at most {People.PersonLinker.MaxAccounts - 1}");
            return null;
        }

        return string.Join('\n', lines);
    }
}
