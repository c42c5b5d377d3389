using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Triggers.Hosting.Channels;
using Triggers.Hosting.Http;

namespace Triggers.Hosting.Admin.Access;

/// <summary>
/// The one check in front of every admin route, in both hosts: which key is calling (Admin:Key or a named key of
/// Admin:Keys, compared in constant time), and whether it may see the tenant the request is about. The tenant is the one
/// the handler would act on: <c>tenant</c> or <c>channel</c> in the query or the JSON body, else <c>default</c>. Routes
/// that list across tenants (health, rule problems, signals of every channel) admit any caller and keep to its tenants.
/// </summary>
public sealed class AdminGate(IOptionsMonitor<AdminOptions> options, ChannelRegistry channels)
{
    public const string HeaderName = "x-functions-key";

    /// <summary>The most of a JSON body read to find its tenant; larger bodies are left to the handler, which refuses them.</summary>
    private const int MaxBodyRead = 1 << 20;

    // The routes (and their methods) that list across tenants; every other route acts on one tenant.
    private static readonly (string Method, string Route)[] AcrossTenants =
    [
        ("GET", Routes.AdminHealth), ("GET", Routes.AdminAccess), ("GET", Routes.AdminRuleProblems), ("POST", Routes.AdminRulesReload), ("GET", Routes.AdminSignals),
        ("GET", Routes.AdminQueues), ("POST", Routes.AdminQueueRequeue),
    ];

    /// <summary>
    /// Admits the request (null) with its <see cref="AdminCaller"/> attached, or answers 401 (no or wrong key) or 403 (a
    /// tenant the key may not see).
    /// </summary>
    /// <param name="keyCheckedByHost">The Functions host already accepted the key as one of its function keys: a key
    /// Admin:Keys does not name then has full access, as the host's keys do.</param>
    public async Task<IResult?> AdmitAsync(HttpContext context, bool keyCheckedByHost)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;

        // One key, read as the Functions host reads it (the header if sent, else ?code=): a repeated one could pass the
        // host's check as its first value and reach this gate as "k,k", matching no listed key.
        var header = request.Headers[HeaderName];
        var code = request.Query["code"];
        if (header.Count > 1 || (header.Count == 0 && code.Count > 1))
        {
            return AdminResults.Error(StatusCodes.Status401Unauthorized, "Send one key, in one x-functions-key header.");
        }

        // Repeated tenant or channel parameters could name one tenant to this gate and another to the handler.
        if (request.Query["tenant"].Count > 1 || request.Query["channel"].Count > 1)
        {
            return AdminResults.Error(StatusCodes.Status400BadRequest, "Name the tenant (or the channel) once.");
        }

        var supplied = header.Count == 1 ? header[0] ?? string.Empty : code.Count == 1 ? code[0] ?? string.Empty : string.Empty;
        if (Resolve(supplied, keyCheckedByHost, out var refusal) is not { } caller)
        {
            return AdminResults.Error(StatusCodes.Status401Unauthorized, refusal!);
        }

        caller.Attach(context);
        if (caller.SeesAll)
        {
            return null;
        }

        var (named, unreadable) = await TenantsNamedAsync(request, context.RequestAborted);
        if (unreadable is not null)
        {
            // The body could name a tenant the gate cannot see: nothing is done for a key kept to some tenants.
            return AdminResults.Error(unreadable.Value.Status, unreadable.Value.Detail);
        }

        if (named.Count == 0 && !IsAcrossTenants(request))
        {
            named.Add(ChannelRegistry.DefaultTenant);
        }

        return named.FirstOrDefault(t => !caller.MaySee(t)) is { } refused ? AdminResults.Scope(context.Request, refused) : null;
    }

    private AdminCaller? Resolve(string supplied, bool keyCheckedByHost, out string? refusal)
    {
        var current = options.CurrentValue;
        refusal = null;
        if (string.IsNullOrEmpty(current.Key) && current.Keys.Count == 0 && !keyCheckedByHost)
        {
            refusal = "The admin API is closed: set Admin:Key (environment variable Admin__Key) or Admin:Keys, and send the key in the x-functions-key header.";
            return null;
        }

        if (string.IsNullOrEmpty(supplied))
        {
            refusal = "Missing x-functions-key header.";
            return null;
        }

        var bytes = Encoding.UTF8.GetBytes(supplied);
        AdminCaller? found = null;

        // Every key is compared, so the time taken does not tell which one came close.
        foreach (var (name, key) in current.Keys)
        {
            if (key.Key is { Length: > 0 } secret && CryptographicOperations.FixedTimeEquals(bytes, Encoding.UTF8.GetBytes(secret)))
            {
                found ??= new AdminCaller(name, AdminCaller.ParseTenants(key.Tenants));
            }
        }

        if (current.Key is { Length: > 0 } full && CryptographicOperations.FixedTimeEquals(bytes, Encoding.UTF8.GetBytes(full)))
        {
            found ??= new AdminCaller(AdminCaller.FullAccessName, null);
        }

        found ??= keyCheckedByHost ? new AdminCaller(AdminCaller.FullAccessName, null) : null;
        if (found is null)
        {
            refusal = "The x-functions-key header matches no admin key (Admin:Key or Admin:Keys).";
        }

        return found;
    }

    private static bool IsAcrossTenants(HttpRequest request) =>
        AcrossTenants.Any(a => HttpMethods.Equals(request.Method, a.Method) && Matches(request.Path.Value ?? string.Empty, a.Route));

    /// <summary>The path against a route template: literal segments ignoring case, a <c>{parameter}</c> any one segment.</summary>
    private static bool Matches(string path, string route)
    {
        var segments = path.Trim('/').Split('/');
        var template = route.Split('/');
        return segments.Length == template.Length && segments.Zip(template).All(p =>
            p.Second.StartsWith('{') ? p.First.Length > 0 : string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The tenants the request names: by <c>tenant</c>, or by a <c>channel</c> of theirs, in the query or a JSON body.</summary>
    private async Task<(List<string> Named, (int Status, string Detail)? Unreadable)> TenantsNamedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var named = new List<string>();
        void Add(string? tenant, string? channel)
        {
            if (!string.IsNullOrWhiteSpace(tenant))
            {
                named.Add(tenant.Trim());
            }

            if (!string.IsNullOrWhiteSpace(channel) && channels.Find(channel.Trim()) is { } settings)
            {
                named.Add(settings.Tenant);
            }
        }

        Add(request.Query["tenant"].FirstOrDefault(), request.Query["channel"].FirstOrDefault());
        var (body, unreadable) = await BodyAsync(request, cancellationToken);
        if (body is JsonObject fields)
        {
            Add(Text(fields, "tenant"), Text(fields, "channel"));
        }

        return (named, unreadable);
    }

    /// <summary>The JSON body, read and rewound so the handler reads it again; null when there is none.</summary>
    private static async Task<(JsonNode? Body, (int Status, string Detail)? Unreadable)> BodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || request.ContentLength == 0)
        {
            return (null, null);
        }

        if (request.ContentLength > MaxBodyRead)
        {
            return (null, (StatusCodes.Status413PayloadTooLarge, $"the body is over {MaxBodyRead / 1024} KiB: send a smaller one."));
        }

        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxBodyRead);
        try
        {
            using var text = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
            var json = await text.ReadToEndAsync(cancellationToken);
            return (string.IsNullOrWhiteSpace(json) ? null : JsonNode.Parse(json), null);
        }
        catch (IOException)
        {
            return (null, (StatusCodes.Status413PayloadTooLarge, $"the body is over {MaxBodyRead / 1024} KiB: send a smaller one."));
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or ArgumentException or InvalidOperationException)
        {
            return (null, (StatusCodes.Status400BadRequest, $"the body is not valid JSON: {ex.Message}"));
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    private static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
