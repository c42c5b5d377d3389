using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure.Core;
using Triggers.Azure.Storage;

namespace Triggers.Azure.Tables;

public sealed partial class TableClient
{
    private const string NextPartitionKeyHeader = "x-ms-continuation-NextPartitionKey";
    private const string NextRowKeyHeader = "x-ms-continuation-NextRowKey";

    /// <summary>
    /// Streams the entities matching an OData <paramref name="filter"/> (all when null), page by page,
    /// following continuation tokens; pages may be empty yet continue.
    /// </summary>
    /// <param name="select">Properties to return; null for all.</param>
    /// <param name="pageSize">Entities per request (1-1000); null for the service's maximum.</param>
    public async IAsyncEnumerable<TableEntity> QueryAsync(
        string? filter,
        IEnumerable<string>? select,
        int? pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (pageSize is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "A page holds 1 to 1000 entities.");
        }

        var columns = select is null ? null : string.Join(',', select);
        string? nextPartitionKey = null, nextRowKey = null;
        do
        {
            using var message = _http.Create(RequestMethod.Get, Name + "()");
            var uri = message.Request.Uri;
            if (!string.IsNullOrEmpty(filter))
            {
                uri.AppendQuery("$filter", filter);
            }

            if (!string.IsNullOrEmpty(columns))
            {
                uri.AppendQuery("$select", columns);
            }

            if (pageSize is { } top)
            {
                uri.AppendQuery("$top", top.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (nextPartitionKey is not null)
            {
                uri.AppendQuery("NextPartitionKey", nextPartitionKey);
                if (nextRowKey is not null)
                {
                    uri.AppendQuery("NextRowKey", nextRowKey);
                }
            }

            var response = await _http.SendAsync(message, cancellationToken);
            if (response.Status != 200)
            {
                throw StorageErrors.FromResponse(response, $"query table '{Name}'" + (filter is null ? string.Empty : $" with filter {filter}"));
            }

            response.Headers.TryGetValue(NextPartitionKeyHeader, out nextPartitionKey);
            response.Headers.TryGetValue(NextRowKeyHeader, out nextRowKey);
            foreach (var entity in ReadPage(response.Content.ToMemory()))
            {
                yield return entity;
            }
        }
        while (nextPartitionKey is not null);
    }

    private static List<TableEntity> ReadPage(ReadOnlyMemory<byte> body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(TableEntityJson.Read)]
            : [];
    }
}
