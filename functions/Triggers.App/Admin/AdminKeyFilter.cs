using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Triggers.App.Hosting;

namespace Triggers.App.Admin;

/// <summary>Checks <c>x-functions-key</c> against Admin:Key in constant time (standalone only; the host checks it otherwise).</summary>
public sealed class AdminKeyFilter(HostingMode mode, IOptionsMonitor<AdminOptions> options) : IEndpointFilter
{
    public const string HeaderName = "x-functions-key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (mode.IsCustomHandler)
        {
            return await next(context);
        }

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
