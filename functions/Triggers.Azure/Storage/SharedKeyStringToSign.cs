using System.Text;
using Azure.Core;

namespace Triggers.Azure.Storage;

/// <summary>The Shared Key strings-to-sign of the Table service and of the Blob/Queue services.</summary>
internal static class SharedKeyStringToSign
{
    /// <summary>Table: VERB, Content-MD5, Content-Type, Date (x-ms-date), then the resource with only <c>?comp=</c>.</summary>
    public static string ForTable(Request request, string accountName)
    {
        var uri = request.Uri.ToUri();
        var builder = new StringBuilder()
            .Append(request.Method.Method).Append('\n')
            .Append(Header(request, "Content-MD5")).Append('\n')
            .Append(Header(request, "Content-Type")).Append('\n')
            .Append(Header(request, "x-ms-date")).Append('\n')
            .Append('/').Append(accountName).Append(uri.AbsolutePath);

        foreach (var (name, values) in QueryParameters(uri))
        {
            if (name == "comp")
            {
                builder.Append("?comp=").Append(string.Join(',', values));
            }
        }

        return builder.ToString();
    }

    /// <summary>Blob/Queue: twelve standard headers, the sorted x-ms-* headers, the resource with every query parameter.</summary>
    public static string ForQueue(Request request, string accountName)
    {
        var uri = request.Uri.ToUri();
        var contentLength = request.Content is not null && request.Content.TryComputeLength(out var length) && length > 0
            ? length.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : string.Empty;

        var builder = new StringBuilder()
            .Append(request.Method.Method).Append('\n')
            .Append(Header(request, "Content-Encoding")).Append('\n')
            .Append(Header(request, "Content-Language")).Append('\n')
            .Append(contentLength).Append('\n')
            .Append(Header(request, "Content-MD5")).Append('\n')
            .Append(Header(request, "Content-Type")).Append('\n')
            .Append('\n') // Date: x-ms-date is signed among the canonical headers instead
            .Append(Header(request, "If-Modified-Since")).Append('\n')
            .Append(Header(request, "If-Match")).Append('\n')
            .Append(Header(request, "If-None-Match")).Append('\n')
            .Append(Header(request, "If-Unmodified-Since")).Append('\n')
            .Append(Header(request, "Range")).Append('\n');

        var msHeaders = request.Headers
            .Where(h => h.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            .Select(h => (Name: h.Name.ToLowerInvariant(), Value: h.Value.Trim()))
            .OrderBy(h => h.Name, StringComparer.Ordinal);
        foreach (var (name, value) in msHeaders)
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        builder.Append('/').Append(accountName).Append(uri.AbsolutePath);
        foreach (var (name, values) in QueryParameters(uri).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            builder.Append('\n').Append(name).Append(':').Append(string.Join(',', values));
        }

        return builder.ToString();
    }

    private static string Header(Request request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value : string.Empty;

    /// <summary>Query parameters with lower-case names and decoded values, repeated names grouped.</summary>
    private static IEnumerable<(string Name, List<string> Values)> QueryParameters(Uri uri)
    {
        var query = uri.Query.TrimStart('?');
        if (query.Length == 0)
        {
            return [];
        }

        return query
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? pair : pair[..equals];
                var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
                return (Name: Uri.UnescapeDataString(name).ToLowerInvariant(), Value: Uri.UnescapeDataString(value.Replace('+', ' ')));
            })
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Select(p => p.Value).Order(StringComparer.Ordinal).ToList()));
    }
}
