using Microsoft.Azure.Functions.Worker.Middleware;
using Triggers.Hosting.Admin.Access;

namespace Triggers.Functions.Admin;

/// <summary>
/// Runs the admin gate before every admin function: the host has checked the function key; this finds which named key
/// it is (Admin:Keys) and refuses tenants the key may not see, as AdminKeyFilter does in the standalone host.
/// </summary>
public sealed class AdminGateMiddleware(AdminGate gate) : IFunctionsWorkerMiddleware
{
    /// <summary>Every admin function's name starts with this (see the Admin folder).</summary>
    public const string FunctionPrefix = "Admin";

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.GetHttpContext() ?? throw new InvalidOperationException($"admin function {context.FunctionDefinition.Name} has no HTTP context");
        if (await AdmitAsync(http))
        {
            await next(context);
        }
    }

    /// <summary>True when the function may run; otherwise the refusal (401 or 403) is written to the response.</summary>
    public async Task<bool> AdmitAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (await gate.AdmitAsync(http, keyCheckedByHost: true) is not { } refused)
        {
            return true;
        }

        await refused.ExecuteAsync(http);
        return false;
    }
}
