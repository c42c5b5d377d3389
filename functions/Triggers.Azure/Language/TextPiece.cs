namespace Triggers.Azure.Language;

/// <summary>A part of a document sent as its own wire document.</summary>
/// <param name="Offset">Its start in the whole text, in UTF-16 code units.</param>
/// <param name="Elements">Its length in text elements (what the service's 5,120 limit counts).</param>
internal readonly record struct TextPiece(int Offset, string Text, int Elements);
