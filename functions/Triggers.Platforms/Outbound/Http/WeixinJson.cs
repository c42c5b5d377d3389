using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Triggers.Platforms.Outbound.Http;

/// <summary>
/// Request bodies for WeChat and WeCom. Text goes out as raw UTF-8, escaping only what JSON requires: System.Text.Json
/// would write Chinese as \uXXXX and emoji as surrogate escapes, and these platforms' own samples (and the SDKs that
/// work with them) send literal UTF-8, so we do not bet a customer's message on their escape decoding.
/// </summary>
internal static class WeixinJson
{
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case < ' ': builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: builder.Append(c); break;
            }
        }

        return builder.Append('"').ToString();
    }

    public static ByteArrayContent Content(string json)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>base + path + query, each query value escaped; a base with a path prefix (a proxy) is kept.</summary>
    public static Uri Url(string baseUrl, string path, params (string Name, string Value)[] query)
    {
        var url = new StringBuilder(baseUrl.Trim().TrimEnd('/')).Append(path);
        for (var i = 0; i < query.Length; i++)
        {
            url.Append(i == 0 ? '?' : '&').Append(Uri.EscapeDataString(query[i].Name)).Append('=').Append(Uri.EscapeDataString(query[i].Value));
        }

        return new Uri(url.ToString());
    }
}
