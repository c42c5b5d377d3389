using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

using Triggers.Hosting.Admin;

namespace Triggers.App.Standalone;

/// <summary>Checks <c>x-functions-key</c> against Admin:Key in constant time (standalone; in Azure the Functions host checks it for AuthorizationLevel.Function).</summary>
public sealed class AdminKeyFilter(IOptionsMonitor<AdminOptions> options) : IEndpointFilter
{
    public const string HeaderName = "x-functions-key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var expected = options.CurrentValue.Key;
        if (string.IsNullOrEmpty(expected))
        {
            return AdminResults.Error(StatusCodes.Status401Unauthorized,
                "The admin API is closed: set Admin:Key (environment variable Admin__Key) and send it in the x-functions-key header.");
        }

        var request = context.HttpContext.Request;
        var supplied = request.Headers[HeaderName].ToString();
        if (string.IsNullOrEmpty(supplied))
        {
            supplied = request.Query["code"].ToString();
        }

        if (string.IsNullOrEmpty(supplied))
        {
            return AdminResults.Error(StatusCodes.Status401Unauthorized, "Missing x-functions-key header.");
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(supplied), Encoding.UTF8.GetBytes(expected))
            ? await next(context)
            : AdminResults.Error(StatusCodes.Status401Unauthorized, "The x-functions-key header does not match Admin:Key.");
    }
}
