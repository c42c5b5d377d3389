using Triggers.Hosting.Admin;
using Triggers.Hosting.Health;
using Triggers.Hosting.Http;
using Triggers.Hosting.Webhooks;

namespace Triggers.App.Standalone;

/// <summary>The same routes and handlers as the functions in Triggers.Functions, on Kestrel.</summary>
public static class StandaloneRoutes
{
    public static IEndpointRouteBuilder MapTriggers(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(string.Empty);
        api.MapGet(Routes.Health, (HttpRequest r, HealthCheck h) => h.CheckAsync(r));
        api.MapGet(Routes.Console, (HttpRequest r, string? path, Triggers.Hosting.Console.ConsoleAssets c) => c.Serve(r, path));
        api.MapMethods(Routes.Webhook, [HttpMethods.Get, HttpMethods.Post], (HttpRequest r, string channel, WebhookHandler h) => h.HandleAsync(r, channel));

        // In Azure the Functions host checks x-functions-key (AuthorizationLevel.Function); here the filter does.
        var admin = api.MapGroup(string.Empty).AddEndpointFilter<AdminKeyFilter>();
        admin.MapGet(Routes.AdminHealth, (HttpRequest r, HealthCheck h) => h.DetailsAsync(r));
        admin.MapGet(Routes.AdminAccess, (HttpRequest r, AdminApi a) => a.GetAccess(r));
        admin.MapGet(Routes.AdminSignals, (HttpRequest r, AdminApi a) => a.ListSignalsAsync(r));
        admin.MapGet(Routes.AdminTouchpoints, (HttpRequest r, AdminApi a) => a.ListTouchpointsAsync(r));
        admin.MapGet(Routes.AdminRules, (HttpRequest r, RulesAdmin a) => a.ListAsync(r));
        admin.MapPut(Routes.AdminRule, (HttpRequest r, string id, RulesAdmin a) => a.SaveAsync(r, id));
        admin.MapPost(Routes.AdminRuleEnable, (HttpRequest r, string id, RulesAdmin a) => a.SetEnabledAsync(r, id, true));
        admin.MapPost(Routes.AdminRuleDisable, (HttpRequest r, string id, RulesAdmin a) => a.SetEnabledAsync(r, id, false));
        admin.MapGet(Routes.AdminRuleProblems, (HttpRequest r, AdminApi a) => a.GetRuleProblems(r));
        admin.MapPost(Routes.AdminRulesReload, (HttpRequest r, AdminApi a) => a.ReloadRulesAsync(r));
        admin.MapGet(Routes.AdminRuleHistory, (HttpRequest r, AdminApi a) => a.ListRuleHistoryAsync(r));
        admin.MapPost(Routes.AdminRulesSimulate, (HttpRequest r, SimulationAdmin s) => s.SimulateAsync(r));
        admin.MapPost(Routes.AdminRulesValidate, (HttpRequest r, RulesAdmin a) => a.ValidateAsync(r));
        admin.MapGet(Routes.AdminHandoffs, (HttpRequest r, HandoffAdmin h) => h.ListAsync(r));
        admin.MapPost(Routes.AdminHandoffClaim, (HttpRequest r, string id, HandoffAdmin h) => h.ClaimAsync(r, id));
        admin.MapPost(Routes.AdminHandoffClose, (HttpRequest r, string id, HandoffAdmin h) => h.CloseAsync(r, id));
        admin.MapGet(Routes.AdminConsent, (HttpRequest r, ConsentAdmin c) => c.GetAsync(r));
        admin.MapPost(Routes.AdminConsent, (HttpRequest r, ConsentAdmin c) => c.SetAsync(r));
        admin.MapGet(Routes.AdminContact, (HttpRequest r, string account, ContactsAdmin c) => c.GetAsync(r, account));
        admin.MapPost(Routes.AdminContactsLink, (HttpRequest r, ContactsAdmin c) => c.LinkAsync(r));
        admin.MapPost(Routes.AdminContactsUnlink, (HttpRequest r, ContactsAdmin c) => c.UnlinkAsync(r));
        admin.MapGet(Routes.AdminContactCoins, (HttpRequest r, string account, CoinsAdmin c) => c.GetAsync(r, account));
        admin.MapPost(Routes.AdminContactCoinsDeposit, (HttpRequest r, string account, CoinsAdmin c) => c.DepositAsync(r, account));
        admin.MapPost(Routes.AdminContactCoinsRedeem, (HttpRequest r, string account, CoinsAdmin c) => c.RedeemAsync(r, account));
        admin.MapGet(Routes.AdminRewards, (HttpRequest r, CoinsAdmin c) => c.RewardsAsync(r));
        admin.MapDelete(Routes.AdminContact, (HttpRequest r, string account, ContactsAdmin c) => c.EraseAsync(r, account));
        admin.MapGet(Routes.AdminErasures, (HttpRequest r, ContactsAdmin c) => c.ErasuresAsync(r));
        admin.MapGet(Routes.AdminJourneys, (HttpRequest r, JourneyAdmin j) => j.FunnelAsync(r));
        admin.MapGet(Routes.AdminControlLines, (HttpRequest r, ControlLinesAdmin c) => c.GetAsync(r));
        admin.MapPost(Routes.AdminControlLinesCompute, (HttpRequest r, ControlLinesAdmin c) => c.ComputeAsync(r));
        admin.MapGet(Routes.AdminQueues, (HttpRequest r, QueuesAdmin q) => q.ListAsync(r));
        admin.MapPost(Routes.AdminQueueRequeue, (HttpRequest r, string queue, QueuesAdmin q) => q.RequeueAsync(r, queue));
        admin.MapGet(Routes.AdminContactTimeline, (HttpRequest r, string account, TimelineAdmin t) => t.GetAsync(r, account));
        return app;
    }
}
