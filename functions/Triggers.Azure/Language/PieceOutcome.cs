namespace Triggers.Azure.Language;

/// <summary>What the service said about one wire document: a sentiment or an error.</summary>
internal sealed record PieceOutcome(PieceSentiment? Sentiment, LanguageDocumentError? Error);
