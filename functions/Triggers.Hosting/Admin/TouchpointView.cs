using Triggers.Core.Touchpoints;

namespace Triggers.Hosting.Admin;

/// <summary>A touchpoint as the admin API shows it (ARCHITECTURE.md contract).</summary>
public sealed record TouchpointView(
    string Id,
    string Tenant,
    string RuleId,
    string RuleVersion,
    string SignalId,
    string Type,
    string Channel,
    string Contact,
    string Status,
    DateTimeOffset DueAt,
    DateTimeOffset PlannedAt,
    string Why,
    string? Template,
    string? Text,
    string? Platform,
    string? Guardrail,
    string? StatusReason,
    int Attempts,
    DateTimeOffset? SentAt,
    TouchpointWhy? WhyFacts)
{
    /// <summary>The person the contact belongs to, with every linked account; absent for a contact linked to nobody.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Triggers.Core.People.PersonView? Person { get; init; }

    public static TouchpointView From(Touchpoint t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new TouchpointView(t.Id, t.Tenant, t.RuleId, t.RuleVersion, t.SignalId, t.Type, t.Channel, t.Contact, t.Status, t.DueAt, t.PlannedAt, t.Why, t.Template, t.Text,
            t.Platform, t.Guardrail, t.StatusReason, t.Attempts, t.SentAt, t.WhyFacts);
    }
}
