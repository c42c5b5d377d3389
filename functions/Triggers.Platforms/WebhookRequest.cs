namespace Triggers.Platforms;

/// <summary>
/// One inbound webhook call as the app received it: the query already URL-decoded, the body untouched,
/// because signatures are computed over the exact bytes.
/// </summary>
/// <param name="Headers">Looked up case-insensitively.</param>
/// <param name="ReceivedAt">The app's clock at receipt; replay windows are measured against it.</param>
public sealed record WebhookRequest(
    string Method,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    ReadOnlyMemory<byte> Body,
    DateTimeOffset ReceivedAt)
{
    /// <summary>A GET: the URL-verification handshake on the platforms that use one.</summary>
    public bool IsGet => string.Equals(Method, "GET", StringComparison.OrdinalIgnoreCase);
}
