using Azure;

namespace Triggers.Azure.Tables;

/// <summary>One <c>HTTP/1.1</c> response inside a $batch response.</summary>
internal sealed record TableBatchPart(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public ETag? ETag => Headers.TryGetValue("ETag", out var value) ? new ETag(value) : null;

    /// <summary>Reads the operation responses, in order, from a multipart/mixed $batch response body.</summary>
    public static List<TableBatchPart> ParseAll(string multipart)
    {
        var parts = new List<TableBatchPart>();
        using var reader = new StringReader(multipart);
        int? status = null;
        Dictionary<string, string> headers = new(StringComparer.OrdinalIgnoreCase);
        var body = new System.Text.StringBuilder();
        var inHeaders = false;

        void Finish()
        {
            if (status is { } s)
            {
                parts.Add(new TableBatchPart(s, headers, body.ToString().Trim()));
            }

            status = null;
            headers = new(StringComparer.OrdinalIgnoreCase);
            body.Clear();
        }

        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.StartsWith("HTTP/1.1 ", StringComparison.Ordinal))
            {
                Finish();
                status = int.Parse(line.AsSpan(9, 3), provider: System.Globalization.CultureInfo.InvariantCulture);
                inHeaders = true;
            }
            else if (status is null)
            {
                continue;
            }
            else if (inHeaders)
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (line.Length == 0)
                {
                    inHeaders = false;
                }
                else if (colon > 0)
                {
                    headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
                }
            }
            else if (line.StartsWith("--", StringComparison.Ordinal))
            {
                Finish();
            }
            else
            {
                body.AppendLine(line);
            }
        }

        Finish();
        return parts;
    }
}
