using System.Text.Encodings.Web;
using System.Text.Json;

namespace Triggers.Azure.Language;

/// <summary>Writes the <c>SentimentAnalysis</c> body of <c>POST language/:analyze-text</c>.</summary>
internal static class LanguageRequestJson
{
    // Raw UTF-8 rather than \uXXXX for Chinese keeps a request near a third of the size; the body is never HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Document(string id, string language, string text)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("language", language);
            writer.WriteString("text", text);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static byte[] Request(IEnumerable<WireDocument> documents, LanguageClientOptions options)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", "SentimentAnalysis");
            writer.WriteStartObject("parameters");
            writer.WriteString("modelVersion", options.ModelVersion);
            writer.WriteBoolean("opinionMining", options.OpinionMining);
            writer.WriteString("stringIndexType", "Utf16CodeUnit");
            writer.WriteEndObject();
            writer.WriteStartObject("analysisInput");
            writer.WriteStartArray("documents");
            foreach (var document in documents)
            {
                writer.WriteRawValue(document.Json, skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
