using System.Globalization;
using Triggers.Core.Coins;
using Triggers.Core.Emotion;
using Triggers.Core.Handoffs;
using Triggers.Core.People;
using Triggers.Core.Processing;
using Triggers.Hosting.Channels;

namespace Triggers.Hosting.Admin;

/// <summary>
/// <c>GET /api/admin/contacts/{platform}:{actorId}/timeline?tenant=&amp;days=30&amp;limit=200</c>: one person's history merged
/// across every linked account, newest first (signals, touchpoints with their why, hand-offs, each channel's last consent
/// change, accounts taken out of a person and by whom, coin entries), and the
/// emotion series per topic merged across the accounts, oldest first, with baselines and peaks: the demand ECG.
/// </summary>
public sealed class TimelineAdmin(
    PersonLinker people,
    IPeopleStore peopleStore,
    IProcessedSignalStore signals,
    ITouchpointStore touchpoints,
    IHandoffStore handoffs,
    IEmotionStore emotions,
    CoinBank coins,
    Triggers.Core.Contacts.IContactStateStore states,
    ChannelRegistry channels,
    TimeProvider time)
{
    private const int MaxLimit = 1000;

    public sealed record Item(DateTimeOffset At, string Type, string Account, string? Channel, string Summary, object Detail);

    public sealed record EmotionPointView(DateTimeOffset At, string Account, string SignalId, double Intensity, double Baseline, double Valence, bool Peak);

    public async Task<IResult> GetAsync(HttpRequest request, string account)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ct = request.HttpContext.RequestAborted;
        var (parsed, badAccount) = AdminContacts.PathAccount(account);
        var (tenant, unknown) = AdminContacts.Tenant(channels, request, null);
        if ((badAccount ?? unknown) is { } problem)
        {
            return problem;
        }

        var days = Number(request, "days", 30, 1, 366);
        var limit = Number(request, "limit", 200, 1, MaxLimit);
        var now = time.GetUtcNow();
        var since = now.AddDays(-days);
        // A person's own id (member:M-1001, linked:douyin:71523) finds them as well as any of their accounts does.
        Person person;
        if (parsed.Platform is "member" or "linked")
        {
            var id = parsed.ToString();
            if (await peopleStore.GetPersonAsync(tenant, id, ct) is not { Accounts.Count: > 0 } found)
            {
                return AdminResults.Error(StatusCodes.Status404NotFound, $"tenant '{tenant}' has no person '{id}': search by one of their accounts ({{platform}}:{{actorId}}) instead.");
            }

            person = found;
        }
        else
        {
            person = await people.FindAsync(tenant, parsed, ct);
        }

        var accounts = person.Accounts.Select(a => a.Account).ToList();
        var items = new List<Item>();
        var emotion = new Dictionary<string, List<EmotionPointView>>(StringComparer.Ordinal);
        var allTouchpoints = await touchpoints.ListAsync(tenant, null, MaxLimit * 10, ct);
        var allHandoffs = await handoffs.ListAsync(tenant, null, MaxLimit, ct);
        foreach (var each in accounts)
        {
            var id = each.ToString();
            var theirs = channels.ChannelsOf(tenant, each.Platform);
            foreach (var channel in theirs)
            {
                foreach (var s in await signals.ListForContactAsync(channel, each.Id, limit, ct))
                {
                    var view = SignalView.From(s);
                    items.Add(new Item(s.Signal.OccurredAt, "signal", id, channel, $"{s.Signal.Kind}: {s.Signal.Text} ({s.Analysis.Label})", view));
                }

                // The contact state keeps the channel's last consent change, not every one.
                if (await states.GetAsync(tenant, channel, each.Id, ct) is { ConsentChangedAt: { } changedAt } state)
                {
                    var change = state.OptedOut ? "opted out" : "opted in";
                    var cause = state.ConsentSource is { } source && source.StartsWith(Core.Contacts.ConsentRules.AdminPrefix, StringComparison.Ordinal)
                        ? $"by {source[Core.Contacts.ConsentRules.AdminPrefix.Length..]}"
                        : $"({state.ConsentSource})";
                    items.Add(new Item(changedAt, "consent", id, channel, $"consent: {change} {cause}",
                        new { optedOut = state.OptedOut, source = state.ConsentSource, changedAt }));
                }
            }

            items.AddRange(allTouchpoints.Where(t => t.Contact == each.Id && theirs.Contains(t.Channel)).Select(t =>
                new Item(t.PlannedAt, "touchpoint", id, t.Channel, $"{t.Type} {t.Status}: {t.Why}", TouchpointView.From(t))));
            items.AddRange(allHandoffs.Where(h => h.Contact == each.Id && theirs.Contains(h.Channel)).Select(h =>
                new Item(h.CreatedAt, "handoff", id, h.Channel, $"hand-off {h.Status}: {h.Why}", HandoffView.From(h))));

            foreach (var unlink in await peopleStore.ListUnlinksAsync(tenant, each, ct))
            {
                items.Add(new Item(unlink.At, "unlink", id, null, $"unlinked from {unlink.FormerPerson} by {unlink.By}", unlink));
            }

            foreach (var topic in await emotions.ListTopicsAsync(tenant, each.Id, ct))
            {
                var points = await emotions.ReadSeriesAsync(new EmotionKey(tenant, each.Id, topic), since, now, limit, ct);
                (emotion.TryGetValue(topic, out var list) ? list : emotion[topic] = []).AddRange(
                    points.Select(p => new EmotionPointView(p.At, id, p.SignalId, p.Intensity, p.Baseline, p.Valence, p.IsPeak)));
            }
        }

        items.AddRange((await coins.StatementAsync(tenant, person.Id, ct)).Select(e =>
            new Item(e.At, "coins", person.Id, null, $"{e.Kind} {e.Coins.ToString("+0;-0;0", CultureInfo.InvariantCulture)} coins, {e.Xp} xp: {e.Outcome}", e)));

        return Results.Ok(new
        {
            person = PersonView.From(person),
            since,
            items = items.Where(i => i.At >= since).OrderByDescending(i => i.At).Take(limit),
            emotion = emotion.ToDictionary(e => e.Key, e => e.Value.OrderBy(p => p.At).ToList(), StringComparer.Ordinal),
        });
    }

    private static int Number(HttpRequest request, string name, int fallback, int min, int max) =>
        int.TryParse(AdminResults.Query(request, name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, min, max) : fallback;
}
