using Microsoft.AspNetCore.WebUtilities;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Triggers.Hosting.Admin;

internal static class AdminResults
{
    /// <summary>An RFC 9457 problem (<c>application/problem+json</c>): the status's title, and the detail saying what is wrong and how to fix it.</summary>
    public static IResult Error(int status, string error) =>
        Results.Problem(detail: error, statusCode: status, title: ReasonPhrases.GetReasonPhrase(status));

    /// <summary>A non-blank string member of a JSON body, trimmed; null when absent, blank or not a string.</summary>
    public static string? Text(JsonObject? body, string name) =>
        body?[name] is JsonValue value && value.TryGetValue(out string? text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    /// <summary>A query parameter, or null when absent.</summary>
    public static string? Query(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>The JSON object body; null when there is none. A body that is not a JSON object is a 400 that says so.</summary>
    /// <summary>
    /// Who a change is recorded as made by: the admin key's name, and the person the caller named in <c>by</c>, if any
    /// (<c>agency-a:lee</c>); a 400 when that name cannot be recorded.
    /// </summary>
    public static (string Author, IResult? Problem) Author(HttpRequest request, string? person)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = Access.AdminCaller.Of(request.HttpContext);
        return person is not null && Triggers.Core.People.PersonLinker.ByProblem(person.Trim()) is { } bad
            ? (caller.Name, Error(StatusCodes.Status400BadRequest, $"{bad}: name who is acting in \"by\"."))
            : (caller.By(person), null);
    }

    /// <summary>
    /// 403 when the tenant a handler is about to act on is not one the caller's key may see. The gate checks what the
    /// request names; this checks what the handler resolved, so the two can never disagree to another tenant's cost.
    /// </summary>
    public static IResult? Scope(HttpRequest request, string tenant)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = Access.AdminCaller.Of(request.HttpContext);
        return caller.MaySee(tenant)
            ? null
            : Error(StatusCodes.Status403Forbidden, $"the key '{caller.Name}' may see tenant{(caller.Tenants!.Count == 1 ? string.Empty : "s")} {string.Join(", ", caller.Tenants!.Order(StringComparer.Ordinal))}, not '{tenant}': name one of them with ?tenant=, or use a key for '{tenant}'.");
    }

    /// <summary>Names of channels (or tenants) the caller may see, for error messages that list what exists.</summary>
    public static string Visible(HttpRequest request, IEnumerable<Triggers.Platforms.ChannelSettings> channels)
    {
        var caller = Access.AdminCaller.Of(request.HttpContext);
        return string.Join(", ", channels.Where(c => caller.MaySee(c.Tenant)).Select(c => c.Name));
    }

    public static async Task<(JsonObject? Body, IResult? Problem)> ReadJsonAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        try
        {
            return JsonNode.Parse(text) is JsonObject body
                ? (body, null)
                : (null, Error(StatusCodes.Status400BadRequest, "the body must be a JSON object."));
        }
        catch (JsonException ex)
        {
            return (null, Error(StatusCodes.Status400BadRequest, $"the body is not valid JSON: {ex.Message}"));
        }
    }

}
