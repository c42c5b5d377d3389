namespace Triggers.Azure.Language;

/// <summary>One text to analyse.</summary>
/// <param name="Id">The caller's id, echoed in the result (the wire ids are the client's own).</param>
/// <param name="Language">An ISO 639-1 code such as zh-hans, zh-hant or en; null lets the client choose.</param>
public sealed record LanguageDocument(string Id, string Text, string? Language = null);
