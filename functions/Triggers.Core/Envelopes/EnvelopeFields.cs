namespace Triggers.Core.Envelopes;

/// <summary>The property names of a signal envelope; the JSON Schema in docs/schemas lists the same ones.</summary>
internal static class EnvelopeFields
{
    public const string Id = "id";
    public const string Kind = "kind";
    public const string Actor = "actor";
    public const string Text = "text";
    public const string OccurredAt = "occurredAt";
    public const string Type = "type";
    public const string Attributes = "attributes";
    public const string Channel = "channel";
    public const string Platform = "platform";
    public const string Tenant = "tenant";

    public const string ActorId = "id";
    public const string ActorName = "name";

    public const int MaxIdLength = 256;

    public static readonly string[] Signal = [Id, Kind, Actor, Text, OccurredAt, Type, Attributes, Channel, Platform, Tenant];

    public static readonly string[] ActorFields = [ActorId, ActorName];
}
