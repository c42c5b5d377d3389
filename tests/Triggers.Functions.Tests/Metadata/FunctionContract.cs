namespace Triggers.Functions.Tests.Metadata;

/// <summary>
/// What the Functions host must be told about each function: the contract of ARCHITECTURE.md and docs/architecture.md,
/// written out here by hand (not read from the code) so that a function removed or changed in the code fails the tests.
/// </summary>
internal static class FunctionContract
{
    public static IReadOnlyList<ExpectedFunction> All { get; } =
    [
        Http("Health", "Anonymous", "api/health", "get"),
        Http("Webhook", "Anonymous", "api/webhooks/{channel}", "get", "post"),
        Http("ConsolePage", "Anonymous", "console/{*path}", "get"),
        Http("AdminHealth", "Function", "api/admin/health", "get"),
        Http("AdminAccess", "Function", "api/admin/access", "get"),
        Http("AdminSignals", "Function", "api/admin/signals", "get"),
        Http("AdminTouchpoints", "Function", "api/admin/touchpoints", "get"),
        Http("AdminRules", "Function", "api/admin/rules", "get"),
        Http("AdminRuleSave", "Function", "api/admin/rules/{id}", "put"),
        Http("AdminRuleEnable", "Function", "api/admin/rules/{id}/enable", "post"),
        Http("AdminRuleDisable", "Function", "api/admin/rules/{id}/disable", "post"),
        Http("AdminRuleProblems", "Function", "api/admin/rules/problems", "get"),
        Http("AdminRulesReload", "Function", "api/admin/rules/reload", "post"),
        Http("AdminRuleHistory", "Function", "api/admin/rules/history", "get"),
        Http("AdminRulesSimulate", "Function", "api/admin/rules/simulate", "post"),
        Http("AdminRulesValidate", "Function", "api/admin/rules/validate", "post"),
        Http("AdminHandoffs", "Function", "api/admin/handoffs", "get"),
        Http("AdminHandoffClaim", "Function", "api/admin/handoffs/{id}/claim", "post"),
        Http("AdminHandoffClose", "Function", "api/admin/handoffs/{id}/close", "post"),
        Http("AdminConsentGet", "Function", "api/admin/consent", "get"),
        Http("AdminConsentSet", "Function", "api/admin/consent", "post"),
        Http("AdminContactGet", "Function", "api/admin/contacts/{account}", "get"),
        Http("AdminContactsLink", "Function", "api/admin/contacts/link", "post"),
        Http("AdminContactsUnlink", "Function", "api/admin/contacts/unlink", "post"),
        Http("AdminContactCoinsGet", "Function", "api/admin/contacts/{account}/coins", "get"),
        Http("AdminContactCoinsDeposit", "Function", "api/admin/contacts/{account}/coins/deposit", "post"),
        Http("AdminContactCoinsRedeem", "Function", "api/admin/contacts/{account}/coins/redeem", "post"),
        Http("AdminRewards", "Function", "api/admin/rewards", "get"),
        Http("AdminContactErase", "Function", "api/admin/contacts/{account}", "delete"),
        Http("AdminErasures", "Function", "api/admin/erasures", "get"),
        Http("AdminContactTimeline", "Function", "api/admin/contacts/{account}/timeline", "get"),
        Http("AdminJourneys", "Function", "api/admin/journeys", "get"),
        Http("AdminControlLines", "Function", "api/admin/control-lines", "get"),
        Http("AdminControlLinesCompute", "Function", "api/admin/control-lines/compute", "post"),
        Http("AdminQueues", "Function", "api/admin/queues", "get"),
        Http("AdminQueueRequeue", "Function", "api/admin/queues/{queue}/requeue", "post"),
        new("ProcessSignal", "queueTrigger", new() { ["queueName"] = "signals", ["connection"] = "AzureWebJobsStorage" }),
        new("IngestSignal", "queueTrigger", new() { ["queueName"] = "ingest", ["connection"] = "AzureWebJobsStorage" }),
        new("DispatchTouchpoints", "timerTrigger", new() { ["schedule"] = "0 * * * * *" }),
        new("PurgeExpired", "timerTrigger", new() { ["schedule"] = "0 17 * * * *" }),
        new("ComputeControlLines", "timerTrigger", new() { ["schedule"] = "0 5 * * * *" }),
    ];

    private static ExpectedFunction Http(string name, string authLevel, string route, params string[] methods) =>
        new(name, "httpTrigger", new() { ["authLevel"] = authLevel, ["route"] = route, ["methods"] = string.Join(",", methods) });
}

/// <summary>A function's name, trigger type and the trigger binding's properties (methods joined by commas).</summary>
internal sealed record ExpectedFunction(string Name, string Trigger, Dictionary<string, string> Properties);
