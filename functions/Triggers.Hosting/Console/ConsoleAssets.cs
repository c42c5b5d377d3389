using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Triggers.Hosting.Console;

/// <summary>
/// The operations console's files (docs/console.md), embedded in this assembly at build: the pages of Console/wwwroot
/// and Apache ECharts. Both hosts serve them at <c>/console</c> through this one handler. The page is public; everything
/// it shows comes from the admin API with the key entered in the browser.
/// </summary>
public sealed class ConsoleAssets
{
    private const string Prefix = "console/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".json"] = "application/json; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, Asset> _assets;

    public ConsoleAssets()
    {
        var assembly = typeof(ConsoleAssets).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var path = name[Prefix.Length..].Replace('\\', '/');
            assets[path] = new Asset(bytes, ContentTypes.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream"), new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\""));
        }

        _assets = assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The paths served, for tests and health.</summary>
    public IReadOnlyCollection<string> Paths => _assets.Keys;

    /// <summary><c>GET /console/{path}</c>: the file, revalidated by its ETag; <c>/console</c> itself is the page.</summary>
    public IResult Serve(HttpRequest request, string? path)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = string.IsNullOrEmpty(path) ? "index.html" : path;
        if (!_assets.TryGetValue(key, out var asset))
        {
            return Results.Problem(detail: $"the console has no file '{key}': open /console", statusCode: StatusCodes.Status404NotFound, title: "Not Found");
        }

        // The console runs only its own scripts, is never framed, and keeps the admin key out of referrers.
        var headers = request.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        return Results.Bytes(asset.Bytes, asset.ContentType, entityTag: asset.ETag);
    }

    private sealed record Asset(byte[] Bytes, string ContentType, EntityTagHeaderValue ETag);
}
