using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Triggers.Core.Handoffs;

namespace Triggers.Hosting.Admin;

/// <summary>A hand-off as the admin API shows it; the context is inlined as JSON rather than a string.</summary>
public sealed record HandoffView(
    string Id,
    string Tenant,
    string Channel,
    string Contact,
    string RuleId,
    string Status,
    double Urgency,
    DateTimeOffset CreatedAt,
    string Why,
    JsonNode? Context,
    string? SuggestedReply,
    string? ClaimedBy,
    DateTimeOffset? ClaimedAt,
    DateTimeOffset? ClosedAt,
    string? ClosedBy,
    string? Outcome)
{
    /// <summary>The person the contact belongs to, with every linked account; absent for a contact linked to nobody.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Triggers.Core.People.PersonView? Person { get; init; }

    public static HandoffView From(Handoff h)
    {
        ArgumentNullException.ThrowIfNull(h);
        return new HandoffView(h.Id, h.Tenant, h.Channel, h.Contact, h.RuleId, h.Status, h.Urgency, h.CreatedAt, h.Why, Parse(h.ContextJson),
            h.SuggestedReply, h.ClaimedBy, h.ClaimedAt, h.ClosedAt, h.ClosedBy, h.Outcome);
    }

    private static JsonNode? Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return JsonValue.Create(json);
        }
    }
}
