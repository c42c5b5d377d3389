namespace Triggers.Hosting.Http;

/// <summary>
/// Every HTTP route, relative to the <c>api</c> prefix (host.json <c>routePrefix</c>). The functions declare them in their
/// triggers and the standalone host maps the same strings, so the two hosts cannot drift apart.
/// </summary>
public static class Routes
{
    public const string Prefix = "api";

    public const string Health = "health";
    public const string Webhook = "webhooks/{channel}";

    public const string AdminHealth = "admin/health";
    public const string AdminSignals = "admin/signals";
    public const string AdminTouchpoints = "admin/touchpoints";
    public const string AdminRules = "admin/rules";
    public const string AdminRule = "admin/rules/{id}";
    public const string AdminRuleEnable = "admin/rules/{id}/enable";
    public const string AdminRuleDisable = "admin/rules/{id}/disable";
    public const string AdminRuleProblems = "admin/rules/problems";
    public const string AdminRulesReload = "admin/rules/reload";
    public const string AdminRuleHistory = "admin/rules/history";
    public const string AdminRulesSimulate = "admin/rules/simulate";
    public const string AdminHandoffs = "admin/handoffs";
    public const string AdminHandoffClaim = "admin/handoffs/{id}/claim";
    public const string AdminHandoffClose = "admin/handoffs/{id}/close";
    public const string AdminConsent = "admin/consent";
    public const string AdminContact = "admin/contacts/{account}";
    public const string AdminContactsLink = "admin/contacts/link";
    public const string AdminContactsUnlink = "admin/contacts/unlink";
    public const string AdminContactCoins = "admin/contacts/{account}/coins";
    public const string AdminContactTimeline = "admin/contacts/{account}/timeline";
    public const string AdminContactCoinsDeposit = "admin/contacts/{account}/coins/deposit";
    public const string AdminContactCoinsRedeem = "admin/contacts/{account}/coins/redeem";
    public const string AdminRewards = "admin/rewards";
    public const string AdminErasures = "admin/erasures";
    public const string AdminJourneys = "admin/journeys";
    public const string AdminControlLines = "admin/control-lines";
    public const string AdminControlLinesCompute = "admin/control-lines/compute";
}
