namespace Triggers.App.Admin;

internal static class AdminResults
{
    public static IResult Error(int status, string error) => Results.Json(new AdminError(error), statusCode: status);

    private sealed record AdminError(string Error);
}
