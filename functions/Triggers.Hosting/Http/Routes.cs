namespace Triggers.Hosting.Http;

/// <summary>
/// Every HTTP route, from the site's root (host.json's <c>routePrefix</c> is empty, so the console can be served at
/// <c>/console</c> beside <c>/api</c>). The functions declare them in their triggers and the standalone host maps the
/// same strings, so the two hosts cannot drift apart.
/// </summary>
public static class Routes
{
    public const string Prefix = "api";

    /// <summary>The operations console's page and assets (docs/console.md), anonymous: the admin key is entered in it.</summary>
    public const string Console = "console/{*path}";

    public const string Health = Prefix + "/health";
    public const string Webhook = Prefix + "/webhooks/{channel}";

    public const string AdminHealth = Prefix + "/admin/health";
    public const string AdminAccess = Prefix + "/admin/access";
    public const string AdminSignals = Prefix + "/admin/signals";
    public const string AdminTouchpoints = Prefix + "/admin/touchpoints";
    public const string AdminRules = Prefix + "/admin/rules";
    public const string AdminRule = Prefix + "/admin/rules/{id}";
    public const string AdminRuleEnable = Prefix + "/admin/rules/{id}/enable";
    public const string AdminRuleDisable = Prefix + "/admin/rules/{id}/disable";
    public const string AdminRuleProblems = Prefix + "/admin/rules/problems";
    public const string AdminRulesReload = Prefix + "/admin/rules/reload";
    public const string AdminRuleHistory = Prefix + "/admin/rules/history";
    public const string AdminRulesSimulate = Prefix + "/admin/rules/simulate";
    public const string AdminRulesValidate = Prefix + "/admin/rules/validate";
    public const string AdminHandoffs = Prefix + "/admin/handoffs";
    public const string AdminHandoffClaim = Prefix + "/admin/handoffs/{id}/claim";
    public const string AdminHandoffClose = Prefix + "/admin/handoffs/{id}/close";
    public const string AdminConsent = Prefix + "/admin/consent";
    public const string AdminContact = Prefix + "/admin/contacts/{account}";
    public const string AdminContactsLink = Prefix + "/admin/contacts/link";
    public const string AdminContactsUnlink = Prefix + "/admin/contacts/unlink";
    public const string AdminContactCoins = Prefix + "/admin/contacts/{account}/coins";
    public const string AdminContactTimeline = Prefix + "/admin/contacts/{account}/timeline";
    public const string AdminContactCoinsDeposit = Prefix + "/admin/contacts/{account}/coins/deposit";
    public const string AdminContactCoinsRedeem = Prefix + "/admin/contacts/{account}/coins/redeem";
    public const string AdminRewards = Prefix + "/admin/rewards";
    public const string AdminErasures = Prefix + "/admin/erasures";
    public const string AdminJourneys = Prefix + "/admin/journeys";
    public const string AdminControlLines = Prefix + "/admin/control-lines";
    public const string AdminControlLinesCompute = Prefix + "/admin/control-lines/compute";
    public const string AdminQueues = Prefix + "/admin/queues";
    public const string AdminQueueRequeue = Prefix + "/admin/queues/{queue}/requeue";
}
