using System.Text.Json.Nodes;
using Triggers.Azure.Stores;
using Triggers.Core.Rules;
using Triggers.Hosting.Channels;
using Triggers.Hosting.Rules;

namespace Triggers.Hosting.Admin;

/// <summary>
/// Rules as the console edits them (docs/rules.md#editing-rules-through-the-admin-api): listed with their status and
/// problems, saved into table Rules exactly as staff editing the table would (with <c>ChangedBy</c> naming the admin key
/// and the person), enabled and disabled. A rule that does not compile is refused with every problem and nothing is
/// written; a rule changed by someone else since the editor read it is refused with 409.
/// </summary>
public sealed class RulesAdmin(ChannelRegistry channels, TableRuleWriter writer, RuleCache rules)
{
    /// <summary>Route segments under admin/rules that are not rule ids.</summary>
    private static readonly string[] Reserved = ["problems", "reload", "history", "simulate", "validate"];

    // Chinese text kept as typed, as staff write it into the table, not as \u escapes.
    private static readonly System.Text.Json.JsonSerializerOptions AsTyped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const string Shape =
        "send {\"when\": {JsonLogic}, \"then\": [actions], \"enabled\": false, \"priority\": 100, \"cooldown\": \"PT10M\", \"description\": \"…\", \"version\": \"as read, to refuse overwriting someone else's change\", \"by\": \"who\"}";

    /// <summary><c>GET /api/admin/rules?tenant=</c>: every rule row of the tenant, highest priority first, with its status and problems.</summary>
    public async Task<IResult> ListAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (tenant, unknown) = AdminContacts.Tenant(channels, request, null);
        if (unknown is not null)
        {
            return unknown;
        }

        var stored = await writer.ReadAsync(tenant, request.HttpContext.RequestAborted);
        var problems = (rules.Current?.Problems ?? []).Concat(stored.Problems).Where(p => p.Tenant == tenant).ToLookup(p => p.RuleId, StringComparer.Ordinal);
        var listed = stored.Definitions.Select(d => View(d, problems[d.Id].Select(p => p.Problem).Distinct().ToList()))
            .Concat(stored.Problems.Select(p => new RuleView(p.RuleId, false, 0, null, null, null, null, null, null, "broken", [p.Problem])))
            .OrderByDescending(r => r.Priority).ThenBy(r => r.Id, StringComparer.Ordinal);
        return Results.Ok(listed);
    }

    /// <summary><c>PUT /api/admin/rules/{id}?tenant=</c>: validates the rule and writes it; 400 with every problem, 409 on a concurrent change.</summary>
    public async Task<IResult> SaveAsync(HttpRequest request, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, tenant, unreadable) = await ReadRuleAsync(request, Shape);
        if (unreadable is not null)
        {
            return unreadable;
        }

        var (by, badBy) = AdminResults.Author(request, AdminResults.Text(body, "by"));
        if (badBy is not null)
        {
            return badBy;
        }

        var (definition, problems) = Draft(body, tenant, id);
        if (problems.Count > 0)
        {
            return Results.Problem(
                detail: $"rule '{id}' was not saved: {string.Join("; ", problems)}",
                statusCode: StatusCodes.Status400BadRequest,
                title: "Bad Request",
                extensions: new Dictionary<string, object?> { ["problems"] = problems });
        }

        return await WriteAsync(request, definition, by, body["version"] is JsonValue v && v.TryGetValue(out string? version) ? version : null);
    }

    /// <summary>
    /// <c>POST /api/admin/rules/validate?tenant=</c> with the same body as a save plus <c>id</c>: every problem the save would
    /// refuse, as the console's editor checks a draft while staff type. Writes nothing.
    /// </summary>
    public async Task<IResult> ValidateAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, tenant, unreadable) = await ReadRuleAsync(request, Shape + ", with \"id\"");
        if (unreadable is not null)
        {
            return unreadable;
        }

        var id = AdminResults.Text(body, "id") ?? string.Empty;
        var (_, problems) = Draft(body, tenant, id);
        return Results.Ok(new { id, valid = problems.Count == 0, problems });
    }

    /// <summary><c>POST /api/admin/rules/{id}/enable</c> and <c>/disable</c>: the stored rule with only Enabled changed.</summary>
    public async Task<IResult> SetEnabledAsync(HttpRequest request, string id, bool enabled)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, invalid) = await AdminResults.ReadJsonAsync(request);
        if (invalid is not null)
        {
            return invalid;
        }

        var (tenant, unknown) = AdminContacts.Tenant(channels, request, body);
        if (unknown is not null)
        {
            return unknown;
        }

        var (by, badBy) = AdminResults.Author(request, AdminResults.Text(body, "by"));
        if (badBy is not null)
        {
            return badBy;
        }

        var current = (await writer.ReadAsync(tenant, request.HttpContext.RequestAborted)).Definitions.FirstOrDefault(d => d.Id == id);
        if (current is null)
        {
            return AdminResults.Error(StatusCodes.Status404NotFound, $"no readable rule '{id}' in tenant '{tenant}': GET /api/admin/rules?tenant={tenant} lists them.");
        }

        if (enabled && RuleSet.Compile([current with { Enabled = true }], channels.IsKnown).Problems is { Count: > 0 } broken)
        {
            return AdminResults.Error(StatusCodes.Status409Conflict, $"rule '{id}' cannot run as it is, so it stays disabled: {string.Join("; ", broken.Select(p => p.Problem))}");
        }

        return await WriteAsync(request, current with { Enabled = enabled }, by, current.Version);
    }

    /// <summary>A rule's JSON body and the tenant it names (checked against the key), or the 400 or 403 that refuses it.</summary>
    private async Task<(JsonObject Body, string Tenant, IResult? Problem)> ReadRuleAsync(HttpRequest request, string shape)
    {
        var (body, invalid) = await AdminResults.ReadJsonAsync(request);
        if (invalid is not null || body is null)
        {
            return ([], string.Empty, invalid ?? AdminResults.Error(StatusCodes.Status400BadRequest, $"the body is empty: {shape}."));
        }

        var (tenant, unknown) = AdminContacts.Tenant(channels, request, body);
        return (body, tenant, unknown);
    }

    /// <summary>The rule the body describes, and every problem that would keep it from being saved (compiled as if enabled).</summary>
    private (RuleDefinition Definition, List<string> Problems) Draft(JsonObject body, string tenant, string id)
    {
        var problems = new List<string>();
        if (IdProblem(id) is { } badId)
        {
            problems.Add(badId);
        }

        var definition = new RuleDefinition(
            tenant,
            id,
            Typed<bool>(body, "enabled", "true or false", problems) ?? false,
            Typed<int>(body, "priority", "a whole number (higher runs first)", problems) ?? 0,
            Json(body, "when"),
            Json(body, "then"),
            Optional(body, "cooldown", problems),
            Optional(body, "description", problems),
            Version: null);

        // Compiled as if enabled, so a rule saved disabled is already known to work when it is switched on.
        problems.AddRange(RuleSet.Compile([definition with { Enabled = true }], channels.IsKnown).Problems.Select(p => p.Problem));
        return (definition, problems);
    }

    private async Task<IResult> WriteAsync(HttpRequest request, RuleDefinition definition, string by, string? version)
    {
        var (outcome, saved) = await writer.SaveAsync(definition, by, version, request.HttpContext.RequestAborted);
        if (outcome == RuleSave.Conflict)
        {
            return AdminResults.Error(StatusCodes.Status409Conflict,
                $"rule '{definition.Id}' was changed by {saved?.ChangedBy ?? "someone"} (version {saved?.Version ?? "none"}) since version {version}: read it again and reapply your change.");
        }

        // In use at once on this instance; other instances read it within Processing:RulesRefreshInterval.
        await rules.RefreshAsync(request.HttpContext.RequestAborted);
        var problems = (rules.Current?.Problems ?? []).Where(p => p.Tenant == definition.Tenant && p.RuleId == definition.Id).Select(p => p.Problem).ToList();
        return Results.Ok(new { outcome = outcome.ToString().ToLowerInvariant(), rule = View(saved ?? definition, problems) });
    }

    private static RuleView View(RuleDefinition d, IReadOnlyList<string> problems) =>
        new(d.Id, d.Enabled, d.Priority, d.When, d.Then, d.Cooldown, d.Description, d.ChangedBy, d.Version,
            problems.Count > 0 ? "broken" : d.Enabled ? "enabled" : "disabled", problems);

    private static string? IdProblem(string id) =>
        id.Length is 0 or > 100 || id.Any(c => char.IsControl(c) || c is '/' or '\\' or '#' or '?')
            ? $"the rule id '{id}' must be 1-100 characters without '/', '\\', '#', '?' or control characters"
            : Reserved.Contains(id, StringComparer.OrdinalIgnoreCase) ? $"'{id}' names an admin route, not a rule: choose another id" : null;

    /// <summary>A member of the given JSON type, null when absent; anything else is a problem saying what it must be.</summary>
    private static T? Typed<T>(JsonObject body, string name, string what, List<string> problems)
        where T : struct
    {
        if (body[name] is null)
        {
            return null;
        }

        if (body[name] is JsonValue value && value.TryGetValue(out T typed))
        {
            return typed;
        }

        problems.Add($"{name} must be {what}, not {body[name]!.ToJsonString()}");
        return null;
    }

    /// <summary>JSON as the table holds it: text as given; any other JSON (an object, an array, <c>true</c>) written compactly.</summary>
    private static string? Json(JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out string? text) => text,
        var other => other.ToJsonString(AsTyped),
    };

    private static string? Optional(JsonObject body, string name, List<string> problems) => body[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
        var other => Invalid(problems, $"{name} must be text, not {other.ToJsonString()}"),
    };

    private static string? Invalid(List<string> problems, string problem)
    {
        problems.Add(problem);
        return null;
    }

    /// <summary>A rule as the console shows it.</summary>
    public sealed record RuleView(
        string Id, bool Enabled, int Priority, string? When, string? Then, string? Cooldown, string? Description, string? ChangedBy, string? Version, string Status, IReadOnlyList<string> Problems);
}
