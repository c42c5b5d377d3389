namespace Triggers.Azure.Language;

/// <summary>A document as sent: one piece of one caller document, already serialised.</summary>
/// <param name="DocumentIndex">Index of the caller's document it came from.</param>
/// <param name="Json">The <c>{"id","language","text"}</c> object in UTF-8.</param>
internal sealed record WireDocument(string Id, int DocumentIndex, TextPiece Piece, byte[] Json);
