using Triggers.Core.Decisions;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Triggers.Hosting.Channels;
using Triggers.Hosting.Rules;
using Triggers.Hosting.Touchpoints;
using Triggers.Core.Processing;
using Triggers.Core.Simulation;

namespace Triggers.Hosting.Admin;

/// <summary>
/// <c>POST /api/admin/rules/simulate</c>: what a draft (or the live rules) would have done with the recorded signals
/// of one channel, or of all the tenant's channels, in a time range. Reads table Signals and the rule cache; writes
/// nothing. With <c>Accept: application/x-ndjson</c> it streams its progress (<see cref="ProgressResult"/>).
/// </summary>
public sealed class SimulationAdmin(ChannelRegistry channels, IProcessedSignalStore store, RuleCache cache, DecisionSettings settings)
{
    private const int DefaultLimit = 1000;
    private const int MaxLimit = 5000;

    public async Task<IResult> SimulateAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, invalid) = await AdminResults.ReadJsonAsync(request);
        if (invalid is not null)
        {
            return invalid;
        }

        var ct = request.HttpContext.RequestAborted;
        if (body is null)
        {
            return Bad("send a JSON body: {\"channel\": \"...\" or \"tenant\": \"...\", \"from\": iso, \"to\": iso, \"rules\": [...]?, \"limit\": n?}");
        }

        var name = Text(body, "channel");
        var named = name is null ? null : channels.Find(name);
        if (name is not null && named is null)
        {
            return Bad($"channel '{name}' is not configured (configured: {AdminResults.Visible(request, channels.All)}).");
        }

        if (!TryTime(body, "from", out var from, out var problem) || !TryTime(body, "to", out var to, out problem) || !TryLimit(body, out var limit, out problem))
        {
            return problem;
        }

        var tenant = Text(body, "tenant") ?? named?.Tenant ?? AdminResults.Query(request, "tenant");
        if (tenant is null)
        {
            return Bad("name the channel whose recorded signals to replay, or the tenant to replay all of its channels: {\"tenant\": \"...\"}.");
        }

        if (((named is null ? null : AdminResults.Scope(request, named.Tenant)) ?? AdminResults.Scope(request, tenant)) is { } refused)
        {
            return refused;
        }

        var replayed = named is null ? channels.All.Where(c => c.Tenant == tenant).Select(c => c.Name).ToList() : [named.Name];
        if (replayed.Count == 0)
        {
            return Bad($"tenant '{tenant}' has no configured channel, so it has no recorded signals to replay.");
        }

        SimulationRules rules;
        if (body["rules"] is JsonArray entities)
        {
            var (definitions, readProblems) = RuleEntityReader.Read(entities, tenant);
            rules = SimulationRules.Draft(definitions, channels.IsKnown, readProblems);
        }
        else if (body["rules"] is null)
        {
            rules = SimulationRules.Live(await cache.GetAsync(ct), cache.Current?.Problems ?? []);
        }
        else
        {
            return Bad("rules must be an array of rule entities, or absent to simulate the live rules.");
        }

        async Task<SimulationReport> RunAsync(Func<object, Task>? report)
        {
            var signals = new List<ProcessedSignal>();
            for (var i = 0; i < replayed.Count; i++)
            {
                if (report is not null)
                {
                    await report(new { phase = "reading", channel = replayed[i], done = i, total = replayed.Count });
                }

                signals.AddRange((await store.ListAsync(replayed[i], limit, ct))
                    .Where(s => (from is null || s.Signal.OccurredAt >= from) && (to is null || s.Signal.OccurredAt <= to)));
            }

            return await RuleSimulator.RunAsync(rules, signals, tenant, settings, ct,
                report is null ? null : async (done, total) => await report(new { phase = "deciding", done, total }));
        }

        // Asked for as NDJSON, the simulation says how far it is as it goes, then gives the report as its last line.
        return Accepts(request, ProgressResult.ContentType)
            ? new ProgressResult(async write => await RunAsync(write))
            : Results.Ok(await RunAsync(null));
    }

    private static bool Accepts(HttpRequest request, string mediaType) =>
        request.Headers.Accept.Any(a => a?.Contains(mediaType, StringComparison.OrdinalIgnoreCase) == true);

    private static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static bool TryTime(JsonObject body, string name, out DateTimeOffset? value, out IResult problem)
    {
        value = null;
        problem = Results.Empty;
        if (body[name] is null)
        {
            return true;
        }

        if (Text(body, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        problem = Bad($"{name} {body[name]!.ToJsonString()} is not an ISO-8601 time such as \"2026-11-20T00:00:00Z\".");
        return false;
    }

    private static bool TryLimit(JsonObject body, out int limit, out IResult problem)
    {
        limit = DefaultLimit;
        problem = Results.Empty;
        if (body["limit"] is null)
        {
            return true;
        }

        if (body["limit"] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out limit) && limit is >= 1 and <= MaxLimit)
        {
            return true;
        }

        problem = Bad($"limit {body["limit"]!.ToJsonString()} must be a whole number from 1 to {MaxLimit}.");
        return false;
    }

    private static IResult Bad(string error) => AdminResults.Error(StatusCodes.Status400BadRequest, error);
}
