using Triggers.Core.Rules;

namespace Triggers.Core.Touchpoints;

/// <summary>
/// A touchpoint outcome as a CloudEvent (docs/events.md, docs/schemas/touchpoint-event.schema.json). The id is derived
/// from the touchpoint and the type, so publishing it again is recognised as the same event (Service Bus duplicate detection).
/// </summary>
public sealed record TouchpointEvent
{
    /// <summary>The CloudEvents <c>source</c> of every event.</summary>
    public const string Source = "/triggers/touchpoints";

    public required string Id { get; init; }

    /// <summary>One of <see cref="TouchpointEventTypes"/>.</summary>
    public required string Type { get; init; }

    /// <summary>When the outcome was recorded.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The CloudEvents subject: the touchpoint, as <c>touchpoints/{tenant}/{id}</c>.</summary>
    public required string Subject { get; init; }

    public required TouchpointEventData Data { get; init; }

    public static TouchpointEvent From(Touchpoint touchpoint, string type, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        ArgumentException.ThrowIfNullOrEmpty(type);
        // Only what belongs to the announced outcome: a planned event published late (by the outbox sweep) must not carry
        // the send that happened since.
        var status = StatusOf(type);
        var sent = status == TouchpointStatus.Sent;
        var stopped = status is TouchpointStatus.Blocked or TouchpointStatus.Cancelled;
        return new TouchpointEvent
        {
            Id = $"{touchpoint.Id}.{TouchpointEventTypes.ShortName(type)}",
            Type = type,
            Time = time,
            Subject = $"touchpoints/{touchpoint.Tenant}/{touchpoint.Id}",
            Data = new TouchpointEventData
            {
                TouchpointId = touchpoint.Id,
                Tenant = touchpoint.Tenant,
                Platform = touchpoint.Platform,
                Channel = touchpoint.Channel,
                Contact = touchpoint.Contact,
                Action = touchpoint.Type,
                Status = status,
                RuleId = touchpoint.RuleId,
                SignalId = touchpoint.SignalId,
                DueAt = touchpoint.DueAt,
                SentAt = sent ? touchpoint.SentAt : null,
                Guardrail = stopped ? touchpoint.Guardrail : null,
                Reason = status == TouchpointStatus.Planned ? null : touchpoint.StatusReason,
                Template = touchpoint.Template,
                Text = touchpoint.Text,
                ProviderMessageId = sent ? touchpoint.ProviderMessageId : null,
                Why = touchpoint.Why,
                ActedOnByBrand = ActedOnByBrand(touchpoint.Type),
            },
        };
    }

    // The outcome the event announces, even when it is published later than the touchpoint moved on (an outbox sweep).
    private static string StatusOf(string type) => type switch
    {
        TouchpointEventTypes.Planned => TouchpointStatus.Planned,
        TouchpointEventTypes.Sent or TouchpointEventTypes.HandedOff => TouchpointStatus.Sent,
        TouchpointEventTypes.Blocked => TouchpointStatus.Blocked,
        TouchpointEventTypes.Cancelled => TouchpointStatus.Cancelled,
        TouchpointEventTypes.Failed => TouchpointStatus.Failed,
        _ => throw new ArgumentException($"'{type}' is not a touchpoint event type.", nameof(type)),
    };

    /// <summary>Types no platform carries out itself: the brand's systems do (a coupon issued, a tag set, coins credited, an invitation).</summary>
    private static bool ActedOnByBrand(string actionType) =>
        actionType is ActionTypes.Coupon or ActionTypes.Tag or ActionTypes.Coins or ActionTypes.Invite;
}

/// <summary>The <c>data</c> of a touchpoint event (camelCase in JSON).</summary>
public sealed record TouchpointEventData
{
    public required string TouchpointId { get; init; }

    public required string Tenant { get; init; }

    public string? Platform { get; init; }

    public required string Channel { get; init; }

    public required string Contact { get; init; }

    /// <summary>The rule action's type: message, invite, coupon, tag, coins, handoff, alert.</summary>
    public required string Action { get; init; }

    /// <summary>The status the event announces (planned, sent, blocked, cancelled, failed).</summary>
    public required string Status { get; init; }

    public required string RuleId { get; init; }

    public required string SignalId { get; init; }

    public required DateTimeOffset DueAt { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    /// <summary>The guardrail that blocked or cancelled it.</summary>
    public string? Guardrail { get; init; }

    public string? Reason { get; init; }

    public string? Template { get; init; }

    public string? Text { get; init; }

    public string? ProviderMessageId { get; init; }

    public required string Why { get; init; }

    /// <summary>True for coupon, tag, coins and invite: the brand's own systems carry these out.</summary>
    public required bool ActedOnByBrand { get; init; }
}
