using System.Text.Json.Nodes;

namespace Triggers.App.Admin;

internal static class AdminResults
{
    public static IResult Error(int status, string error) => Results.Json(new AdminError(error), statusCode: status);

    /// <summary>A non-blank string member of a JSON body, trimmed; null when absent, blank or not a string.</summary>
    public static string? Text(JsonObject? body, string name) =>
        body?[name] is JsonValue value && value.TryGetValue(out string? text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private sealed record AdminError(string Error);
}
