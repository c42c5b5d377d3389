namespace Triggers.Platforms.WeChat;

/// <summary>
/// A WeChat message or envelope as text plus its top-level leaf fields (ToUserName, MsgType, Encrypt…).
/// Nested structures (ScanCodeInfo, SendPicsInfo…) are kept only in <see cref="Text"/>.
/// </summary>
/// <param name="Format">"xml" or "json", as <c>Signal.RawFormat</c> expects.</param>
/// <param name="Fields">Looked up case-insensitively: OA JSON says "Encrypt", WeCom JSON says "encrypt".</param>
public sealed record WeChatPayload(string Text, string Format, IReadOnlyDictionary<string, string> Fields)
{
    public const string Xml = "xml";
    public const string Json = "json";

    /// <summary>The field's value, or null when it is absent or empty.</summary>
    public string? Field(string name) =>
        Fields.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;
}
