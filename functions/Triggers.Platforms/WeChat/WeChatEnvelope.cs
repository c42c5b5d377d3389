namespace Triggers.Platforms.WeChat;

/// <summary>
/// The unencrypted envelope around <c>Encrypt</c> (ToUserName, AgentID) is not covered by msg_signature, so it
/// is only trusted where the authenticated, decrypted message agrees with it. Shared by every WeChat-style
/// inbound path (wechat, wecom, wechat-shop, xiaohongshu).
/// </summary>
public static class WeChatEnvelope
{
    // The documented spellings: OA/shop XML and JSON, WeCom XML, WeCom JSON.
    private static readonly HashSet<string> KnownFields = new(StringComparer.Ordinal)
    {
        "ToUserName", "Encrypt", "AgentID", "tousername", "encrypt", "agentid",
    };

    /// <summary>
    /// Throws <see cref="PayloadFormatException"/> (400) when the envelope was altered: every field beside Encrypt must
    /// agree with the same field of the decrypted message. Compatible mode's plaintext copies (FromUserName, Content…)
    /// must be exact copies; only the documented envelope fields may be absent from the decrypted message.
    /// </summary>
    public static void EnsureMatches(WeChatPayload envelope, WeChatPayload decrypted)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(decrypted);
        foreach (var (name, value) in envelope.Fields)
        {
            if (name is "Encrypt" or "encrypt")
            {
                continue;
            }

            var known = KnownFields.Contains(name);
            var inner = decrypted.Fields.Keys.FirstOrDefault(k => known ? k.Equals(name, StringComparison.OrdinalIgnoreCase) : k == name);
            if (inner is null)
            {
                if (known)
                {
                    continue;
                }

                throw new PayloadFormatException(
                    $"body has the field '{name}' beside Encrypt, which the encrypted message does not have; the unencrypted envelope was altered");
            }

            if (!string.Equals(decrypted.Fields[inner], value, StringComparison.Ordinal))
            {
                throw new PayloadFormatException(
                    $"body field {name} '{Shorten(value)}' does not match the encrypted message's '{Shorten(decrypted.Fields[inner])}'; the unencrypted envelope was altered");
            }
        }
    }

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
