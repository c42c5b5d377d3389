using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Triggers.Hosting.Admin;

/// <summary>
/// Long admin work answered as NDJSON: one line per progress report as it happens (<c>{"phase":…,"done":…,"total":…}</c>),
/// then <c>{"phase":"done","result":…}</c>, or <c>{"phase":"failed","error":…}</c> when it fails after the answer has begun.
/// </summary>
public sealed class ProgressResult(Func<Func<object, Task>, Task<object>> work) : IResult
{
    public const string ContentType = "application/x-ndjson";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var options = httpContext.RequestServices.GetService<IOptions<JsonOptions>>()?.Value.SerializerOptions ?? new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var response = httpContext.Response;
        var ct = httpContext.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType + "; charset=utf-8";
        response.Headers.CacheControl = "no-store";

        async Task WriteAsync(object line)
        {
            await JsonSerializer.SerializeAsync(response.Body, line, line.GetType(), options, ct);
            await response.Body.WriteAsync("\n"u8.ToArray(), ct);
            await response.Body.FlushAsync(ct);
        }

        object last;
        try
        {
            last = new { phase = "done", result = await work(WriteAsync) };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            last = new { phase = "failed", error = e.Message };
        }

        await WriteAsync(last);
    }
}
