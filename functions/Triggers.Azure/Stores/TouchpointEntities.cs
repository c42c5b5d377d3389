using System.Text.Json;
using Azure.Data.Tables;
using Triggers.Core.Touchpoints;

namespace Triggers.Azure.Stores;

/// <summary>How a <see cref="Touchpoint"/> maps to a row of table <c>Touchpoints</c> (docs/tables.md).</summary>
internal static class TouchpointEntities
{
    // camelCase, like the admin API, so operators reading the column see the same names as in JSON responses.
    private static readonly JsonSerializerOptions WhyJson = new(JsonSerializerDefaults.Web);

    /// <summary>Every field but <see cref="Touchpoint.Version"/>, which is the row's ETag. Null fields are left out.</summary>
    public static TableEntity ToEntity(Touchpoint t) => new(t.Tenant, t.Id)
    {
        ["RuleId"] = t.RuleId,
        ["RuleVersion"] = t.RuleVersion,
        ["SignalId"] = t.SignalId,
        ["ActionIndex"] = t.ActionIndex,
        ["Type"] = t.Type,
        ["Channel"] = t.Channel,
        ["Contact"] = t.Contact,
        ["Status"] = t.Status,
        ["DueAt"] = t.DueAt,
        ["PlannedAt"] = t.PlannedAt,
        ["Why"] = t.Why,
        ["Template"] = t.Template,
        ["Text"] = t.Text,
        ["Amount"] = t.Amount,
        ["Xp"] = t.Xp,
        ["Reason"] = t.Reason,
        ["Uses"] = t.Uses,
        ["TraceParent"] = t.TraceParent,
        ["Platform"] = t.Platform,
        ["ContactPlatform"] = t.ContactPlatform,
        ["Depth"] = t.Depth,
        ["CouponValue"] = t.CouponValue is { } value ? (double)value : null,
        ["WhyFacts"] = t.WhyFacts is null ? null : JsonSerializer.Serialize(t.WhyFacts, WhyJson),
        ["WakeAt"] = t.WakeAt,
        ["Attempts"] = t.Attempts,
        ["LeaseUntil"] = t.LeaseUntil,
        ["Guardrail"] = t.Guardrail,
        ["StatusReason"] = t.StatusReason,
        ["SentAt"] = t.SentAt,
        ["ProviderMessageId"] = t.ProviderMessageId,
        ["RecordedEvents"] = t.RecordedEvents,
        ["PendingEvents"] = t.PendingEvents,
    };

    /// <summary>Rows written before a column existed read as that field's default (WakeAt null means "at DueAt").</summary>
    public static Touchpoint FromEntity(TableEntity e) => new()
    {
        Id = e.RowKey,
        Tenant = e.PartitionKey,
        RuleId = e.GetString("RuleId") ?? string.Empty,
        RuleVersion = e.GetString("RuleVersion") ?? string.Empty,
        SignalId = e.GetString("SignalId") ?? string.Empty,
        ActionIndex = e.GetInt32("ActionIndex") ?? 0,
        Type = e.GetString("Type") ?? string.Empty,
        Channel = e.GetString("Channel") ?? string.Empty,
        Contact = e.GetString("Contact") ?? string.Empty,
        Status = e.GetString("Status") ?? string.Empty,
        DueAt = e.GetDateTimeOffset("DueAt") ?? default,
        PlannedAt = e.GetDateTimeOffset("PlannedAt") ?? default,
        Why = e.GetString("Why") ?? string.Empty,
        Template = e.GetString("Template"),
        Text = e.GetString("Text"),
        Amount = e.GetInt64("Amount"),
        Xp = e.GetInt64("Xp"),
        Reason = e.GetString("Reason"),
        Uses = e.GetString("Uses"),
        TraceParent = e.GetString("TraceParent"),
        Platform = e.GetString("Platform"),
        ContactPlatform = e.GetString("ContactPlatform"),
        Depth = e.GetDouble("Depth"),
        CouponValue = e.GetDouble("CouponValue") is { } value ? Math.Round((decimal)value, 2) : null,
        WhyFacts = e.GetString("WhyFacts") is { Length: > 0 } json ? JsonSerializer.Deserialize<TouchpointWhy>(json, WhyJson) : null,
        WakeAt = e.GetDateTimeOffset("WakeAt"),
        Attempts = e.GetInt32("Attempts") ?? 0,
        LeaseUntil = e.GetDateTimeOffset("LeaseUntil"),
        Guardrail = e.GetString("Guardrail"),
        StatusReason = e.GetString("StatusReason"),
        SentAt = e.GetDateTimeOffset("SentAt"),
        ProviderMessageId = e.GetString("ProviderMessageId"),
        RecordedEvents = e.GetString("RecordedEvents"),
        PendingEvents = e.GetString("PendingEvents") is { Length: > 0 } pending ? pending : null,
        Version = e.ETag == default ? null : e.ETag.ToString(),
    };
}
