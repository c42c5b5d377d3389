namespace Triggers.Functions.Tests.Metadata;

/// <summary>
/// What the Functions host must be told about each function: the contract of ARCHITECTURE.md and docs/architecture.md,
/// written out here by hand (not read from the code) so that a function removed or changed in the code fails the tests.
/// </summary>
internal static class FunctionContract
{
    public static IReadOnlyList<ExpectedFunction> All { get; } =
    [
        Http("Health", "Anonymous", "health", "get"),
        Http("Webhook", "Anonymous", "webhooks/{channel}", "get", "post"),
        Http("AdminHealth", "Function", "admin/health", "get"),
        Http("AdminSignals", "Function", "admin/signals", "get"),
        Http("AdminTouchpoints", "Function", "admin/touchpoints", "get"),
        Http("AdminRules", "Function", "admin/rules", "get"),
        Http("AdminRuleSave", "Function", "admin/rules/{id}", "put"),
        Http("AdminRuleEnable", "Function", "admin/rules/{id}/enable", "post"),
        Http("AdminRuleDisable", "Function", "admin/rules/{id}/disable", "post"),
        Http("AdminRuleProblems", "Function", "admin/rules/problems", "get"),
        Http("AdminRulesReload", "Function", "admin/rules/reload", "post"),
        Http("AdminRuleHistory", "Function", "admin/rules/history", "get"),
        Http("AdminRulesSimulate", "Function", "admin/rules/simulate", "post"),
        Http("AdminHandoffs", "Function", "admin/handoffs", "get"),
        Http("AdminHandoffClaim", "Function", "admin/handoffs/{id}/claim", "post"),
        Http("AdminHandoffClose", "Function", "admin/handoffs/{id}/close", "post"),
        Http("AdminConsentGet", "Function", "admin/consent", "get"),
        Http("AdminConsentSet", "Function", "admin/consent", "post"),
        Http("AdminContactGet", "Function", "admin/contacts/{account}", "get"),
        Http("AdminContactsLink", "Function", "admin/contacts/link", "post"),
        Http("AdminContactsUnlink", "Function", "admin/contacts/unlink", "post"),
        Http("AdminContactCoinsGet", "Function", "admin/contacts/{account}/coins", "get"),
        Http("AdminContactCoinsDeposit", "Function", "admin/contacts/{account}/coins/deposit", "post"),
        Http("AdminContactCoinsRedeem", "Function", "admin/contacts/{account}/coins/redeem", "post"),
        Http("AdminRewards", "Function", "admin/rewards", "get"),
        Http("AdminContactErase", "Function", "admin/contacts/{account}", "delete"),
        Http("AdminErasures", "Function", "admin/erasures", "get"),
        Http("AdminContactTimeline", "Function", "admin/contacts/{account}/timeline", "get"),
        Http("AdminJourneys", "Function", "admin/journeys", "get"),
        Http("AdminControlLines", "Function", "admin/control-lines", "get"),
        Http("AdminControlLinesCompute", "Function", "admin/control-lines/compute", "post"),
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
