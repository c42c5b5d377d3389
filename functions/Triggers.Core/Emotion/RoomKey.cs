namespace Triggers.Core.Emotion;

/// <summary>A live room: the platform's room id within a tenant's channel.</summary>
public sealed record RoomKey(string Tenant, string Channel, string RoomId);
