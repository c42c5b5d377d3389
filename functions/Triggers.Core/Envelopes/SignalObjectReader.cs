using System.Text.Json;
using Triggers.Core.Signals;
using F = Triggers.Core.Envelopes.EnvelopeFields;

namespace Triggers.Core.Envelopes;

/// <summary>Reads one signal object, reporting every problem in it rather than stopping at the first.</summary>
internal sealed class SignalObjectReader(EnvelopeContext context, EnvelopeErrors errors)
{
    private const string IdExpected = "a string of 1 to 256 characters identifying the event (a redelivery must reuse it)";
    private const string TextExpected = "a string (may be empty) or null";

    private static readonly string KindExpected = "one of " + string.Join(", ", SignalKinds.All.Order(StringComparer.Ordinal));

    private readonly EnvelopeValues values = new(errors);
    private readonly EnvelopeObjectFields objects = new(new EnvelopeValues(errors));

    /// <summary>The signal, or null when any problem was reported.</summary>
    public Signal? Read(JsonElement item, string path)
    {
        var before = errors.Count;
        var properties = values.Properties(item, path, F.Signal);

        var id = ReadId(properties, path);
        var kind = ReadKind(properties, path);
        var actor = objects.ReadActor(properties, path);
        var text = ReadText(properties, path);
        var occurredAt = ReadOccurredAt(properties, path);
        var type = values.Optional(properties, path, F.Type, "a string naming the event in your system, or null");
        var attributes = objects.ReadAttributes(properties, path);
        if (kind == SignalKinds.Identify && attributes is not null)
        {
            var memberAt = EnvelopePath.Property(EnvelopePath.Property(path, F.Attributes), IdentifyAttributes.Member);
            if (string.IsNullOrWhiteSpace(attributes.GetValueOrDefault(IdentifyAttributes.Member)))
            {
                errors.Add(memberAt, "is required for an identify signal: the brand member the account is, for example {\"member\": \"M-1001\"}");
            }
            else if (People.PersonLinker.MemberProblem(attributes[IdentifyAttributes.Member].Trim()) is { } problem)
            {
                errors.Add(memberAt, problem);
            }
        }

        if (kind == SignalKinds.Redeem && attributes is not null && RedeemAttributes.Problem(attributes.GetValueOrDefault(RedeemAttributes.Reward)) is { } badReward)
        {
            errors.Add(EnvelopePath.Property(EnvelopePath.Property(path, F.Attributes), RedeemAttributes.Reward), badReward);
        }

        var raw = item.GetRawText();
        if (attributes is not null)
        {
            raw = Identity(attributes, path, raw);
        }

        CheckFromContext(properties, path, F.Channel, context.Channel);
        CheckFromContext(properties, path, F.Platform, context.Platform);
        CheckFromContext(properties, path, F.Tenant, context.Tenant);

        if (errors.Count > before || id is null || kind is null || actor is null || occurredAt is null || attributes is null)
        {
            return null;
        }

        return new Signal
        {
            Id = SignalIds.Create(context.Tenant, context.Channel, id),
            Channel = context.Channel,
            Platform = context.Platform,
            Tenant = context.Tenant,
            Kind = kind,
            Type = type,
            Actor = actor,
            Text = text,
            OccurredAt = occurredAt.Value,
            ReceivedAt = context.ReceivedAt,
            DedupeKey = id,
            Raw = raw,
            RawFormat = "json",
            Attributes = attributes,
        };
    }

    /// <summary>
    /// A unionid is checked; a phone number never goes further than here: it is normalised and replaced by its salted
    /// hash (<c>phoneHash</c>), in the attributes and in the raw copy, so neither storage nor queues ever hold it.
    /// </summary>
    private string Identity(Dictionary<string, string> attributes, string path, string raw)
    {
        var at = EnvelopePath.Property(path, F.Attributes);
        if (attributes.TryGetValue(People.IdentityKeys.UnionIdAttribute, out var union) && People.IdentityKeys.UnionIdProblem(union) is { } badUnion)
        {
            errors.Add(EnvelopePath.Property(at, People.IdentityKeys.UnionIdAttribute), badUnion);
        }

        if (attributes.Remove(People.IdentityKeys.PhoneHashAttribute))
        {
            errors.Add(EnvelopePath.Property(at, People.IdentityKeys.PhoneHashAttribute), "is set by Triggers from attributes.phone; send the number as phone instead");
        }

        if (!attributes.Remove(People.IdentityKeys.PhoneAttribute, out var phone))
        {
            return raw;
        }

        var phoneAt = EnvelopePath.Property(at, People.IdentityKeys.PhoneAttribute);
        if (People.IdentityKeys.Normalise(phone, out var problem) is not { } normalised)
        {
            errors.Add(phoneAt, problem!);
        }
        else if (context.PhoneSalt is not { } salt)
        {
            errors.Add(phoneAt, $"is not accepted: tenant {context.Tenant} has no Tenants:{context.Tenant}:PhoneSalt configured, so a number could not be hashed; configure a salt of at least 16 characters, or leave phone out");
        }
        else
        {
            attributes[People.IdentityKeys.PhoneHashAttribute] = People.IdentityKeys.HashPhone(salt, normalised);
        }

        // The raw copy loses the number too.
        try
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(raw)!.AsObject();
            node[F.Attributes]!.AsObject()[People.IdentityKeys.PhoneAttribute] = "(hashed)";
            return node.ToJsonString();
        }
        catch (ArgumentException)
        {
            // A property given twice (JsonNode refuses it): the envelope is refused, so nothing of it is kept.
            errors.Add(path, "has a property more than once; send each property once");
            return People.IdentityKeys.RedactPhones(raw);
        }
    }

    private string? ReadId(Dictionary<string, JsonElement> properties, string path)
    {
        var id = values.Required(properties, path, F.Id, IdExpected);
        var length = id is null ? 0 : EnvelopeValues.CountCharacters(id);
        if (id is not null && length is < 1 or > F.MaxIdLength)
        {
            errors.Add(EnvelopePath.Property(path, F.Id), $"expected {IdExpected}, got a string of {length} characters");
            return null;
        }

        return id;
    }

    private string? ReadKind(Dictionary<string, JsonElement> properties, string path)
    {
        var kind = values.Required(properties, path, F.Kind, KindExpected);
        if (kind is not null && !SignalKinds.IsKnown(kind))
        {
            errors.Add(EnvelopePath.Property(path, F.Kind), $"expected {KindExpected}, got '{EnvelopeValues.Shorten(kind)}'");
            return null;
        }

        return kind;
    }

    private string? ReadText(Dictionary<string, JsonElement> properties, string path)
    {
        var at = EnvelopePath.Property(path, F.Text);
        if (!properties.TryGetValue(F.Text, out var value))
        {
            errors.Add(at, $"is required: {TextExpected}");
            return null;
        }

        return value.ValueKind == JsonValueKind.Null ? null : values.String(value, at, TextExpected);
    }

    private DateTimeOffset? ReadOccurredAt(Dictionary<string, JsonElement> properties, string path)
    {
        var text = values.Required(properties, path, F.OccurredAt, EnvelopeTimestamp.Expected);
        if (text is null)
        {
            return null;
        }

        if (!EnvelopeTimestamp.TryParse(text, out var occurredAt))
        {
            errors.Add(EnvelopePath.Property(path, F.OccurredAt), $"'{EnvelopeValues.Shorten(text)}' is not {EnvelopeTimestamp.Expected}");
            return null;
        }

        return occurredAt;
    }

    private void CheckFromContext(Dictionary<string, JsonElement> properties, string path, string name, string expected)
    {
        if (!properties.TryGetValue(name, out var value))
        {
            return;
        }

        var given = values.String(value, EnvelopePath.Property(path, name), $"the string '{expected}' or no {name} at all");
        if (given is not null && !string.Equals(given, expected, StringComparison.Ordinal))
        {
            errors.Add(
                EnvelopePath.Property(path, name),
                $"is '{EnvelopeValues.Shorten(given)}' but this endpoint's {name} is '{expected}'; the {name} comes from where the signal is sent and cannot be overridden (omit it)");
        }
    }
}
