using Triggers.Hosting.Admin.Access;

namespace Triggers.App.Standalone;

/// <summary>
/// The admin gate on Kestrel: the key (Admin:Key or Admin:Keys) and the tenants it may see, checked before any admin
/// handler runs. In Azure the Functions host checks its function keys and AdminGateMiddleware runs the same gate.
/// </summary>
public sealed class AdminKeyFilter(AdminGate gate) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return await gate.AdmitAsync(context.HttpContext, keyCheckedByHost: false) ?? await next(context);
    }
}
