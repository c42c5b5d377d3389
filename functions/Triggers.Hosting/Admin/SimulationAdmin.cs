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
/// <c>POST /api/admin/rules/simulate</c>: what a draft (or the live rules) would have done with the recorded
/// signals of one channel in a time range. Reads table Signals and the rule cache; writes nothing.
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
            return Bad("send a JSON body: {\"channel\": \"...\", \"from\": iso, \"to\": iso, \"rules\": [...]?, \"limit\": n?}");
        }

        var name = Text(body, "channel");
        if (name is null || channels.Find(name) is not { } channel)
        {
            return Bad($"channel '{name}' is not configured (configured: {AdminResults.Visible(request, channels.All)}).");
        }

        if (!TryTime(body, "from", out var from, out var problem) || !TryTime(body, "to", out var to, out problem) || !TryLimit(body, out var limit, out problem))
        {
            return problem;
        }

        var tenant = Text(body, "tenant") ?? channel.Tenant;
        if ((AdminResults.Scope(request, channel.Tenant) ?? AdminResults.Scope(request, tenant)) is { } refused)
        {
            return refused;
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

        var signals = (await store.ListAsync(channel.Name, limit, ct))
            .Where(s => (from is null || s.Signal.OccurredAt >= from) && (to is null || s.Signal.OccurredAt <= to));
        return Results.Ok(await RuleSimulator.RunAsync(rules, signals, tenant, settings, request.HttpContext.RequestAborted));
    }

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
