namespace Triggers.Azure.Language;

/// <summary>The service refused one document (from <c>results.errors[]</c>) while the others were analysed.</summary>
/// <param name="Code">The error's code, e.g. InvalidArgument.</param>
/// <param name="InnerCode">The inner error's code, e.g. InvalidDocument or UnsupportedLanguageCode.</param>
public sealed record LanguageDocumentError(string Code, string? InnerCode, string Message);
