using System.Globalization;
using System.Text.Json;
using System.Xml;
using Azure;

namespace Triggers.Azure.Storage;

/// <summary>Turns a failed storage response into a <see cref="StorageRequestFailedException"/>.</summary>
internal static class StorageErrors
{
    /// <param name="operation">What was attempted, e.g. "insert entity (PartitionKey='p', RowKey='r') into table 'Rules'".</param>
    public static StorageRequestFailedException FromResponse(Response response, string operation)
    {
        response.Headers.TryGetValue("x-ms-error-code", out var headerCode);
        var (bodyCode, bodyMessage) = ParseBody(response.Content?.ToString() ?? string.Empty);
        return Create(response.Status, headerCode ?? bodyCode, bodyMessage ?? response.ReasonPhrase, operation);
    }

    /// <param name="inTransaction">The error came from a $batch part, whose message starts with the failed operation's index.</param>
    public static StorageRequestFailedException Create(
        int status, string? code, string? serviceMessage, string operation, bool inTransaction = false)
    {
        var rest = FirstLine(serviceMessage);
        var failedIndex = inTransaction ? FailedIndex(rest, out rest) : null;
        var codeText = string.IsNullOrEmpty(code) ? "(no error code)" : code;
        var message = $"Storage could not {operation}: {codeText} (HTTP {status}). {rest}".TrimEnd();
        return new StorageRequestFailedException(status, message, code, Classify(status, code), failedIndex);
    }

    public static StorageErrorKind Classify(int status, string? code)
    {
        switch (code)
        {
            case "EntityNotFound" or "ResourceNotFound" or "TableNotFound" or "QueueNotFound" or "MessageNotFound":
                return StorageErrorKind.NotFound;
            case "EntityAlreadyExists" or "TableAlreadyExists" or "QueueAlreadyExists":
                return StorageErrorKind.AlreadyExists;
            // A stale pop receipt is a lost race for the message, like a stale ETag (the service says 400).
            case "UpdateConditionNotSatisfied" or "ConditionNotMet" or "PopReceiptMismatch":
                return StorageErrorKind.PreconditionFailed;
            case "ServerBusy":
                return StorageErrorKind.ServerBusy;
            case "OperationTimedOut" or "TooManyRequests":
                return StorageErrorKind.Throttled;
        }

        return status switch
        {
            404 => StorageErrorKind.NotFound,
            412 => StorageErrorKind.PreconditionFailed,
            429 => StorageErrorKind.Throttled,
            503 => StorageErrorKind.ServerBusy,
            400 => StorageErrorKind.BadRequest,
            401 or 403 => StorageErrorKind.Forbidden,
            _ => StorageErrorKind.Other,
        };
    }

    /// <summary>Reads the code and message of a Table (JSON odata.error) or Queue (XML Error) error body.</summary>
    public static (string? Code, string? Message) ParseBody(string body)
    {
        var trimmed = body.TrimStart();
        try
        {
            if (trimmed.StartsWith('{'))
            {
                using var json = JsonDocument.Parse(trimmed);
                if (json.RootElement.TryGetProperty("odata.error", out var error))
                {
                    var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                    var message = error.TryGetProperty("message", out var m)
                        ? m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString() : m.ToString()
                        : null;
                    return (code, message);
                }
            }
            else if (trimmed.StartsWith('<'))
            {
                var root = StorageXml.Parse(trimmed).Root;
                return (root?.Element("Code")?.Value, root?.Element("Message")?.Value);
            }
        }

        catch (Exception e) when (e is JsonException or XmlException)
        {
            // An unparseable error body still leaves the status and the x-ms-error-code header.
        }

        return (null, null);
    }

    private static string FirstLine(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return string.Empty;
        }

        var newline = message.IndexOf('\n', StringComparison.Ordinal);
        return (newline < 0 ? message : message[..newline]).Trim();
    }

    /// <summary>A failed transaction's message starts with the operation's index: "2:The specified entity already exists.".</summary>
    private static int? FailedIndex(string message, out string rest)
    {
        rest = message;
        var colon = message.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && int.TryParse(message.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            rest = message[(colon + 1)..].Trim();
            return index;
        }

        return null;
    }
}
