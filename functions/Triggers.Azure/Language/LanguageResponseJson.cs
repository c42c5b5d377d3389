using System.Text.Json;
using Azure;
using Triggers.Core.Analysis;

namespace Triggers.Azure.Language;

/// <summary>Reads <c>SentimentAnalysisResults</c> and the service's error bodies.</summary>
internal static class LanguageResponseJson
{
    /// <summary>Each wire document's outcome by its id.</summary>
    public static Dictionary<string, PieceOutcome> ReadResults(ReadOnlyMemory<byte> body)
    {
        using var json = JsonDocument.Parse(body);
        var results = json.RootElement.GetProperty("results");
        var byId = new Dictionary<string, PieceOutcome>(StringComparer.Ordinal);
        foreach (var document in Array(results, "documents"))
        {
            byId[Text(document, "id") ?? string.Empty] = new PieceOutcome(ReadDocument(document), null);
        }

        foreach (var error in Array(results, "errors"))
        {
            byId[Text(error, "id") ?? string.Empty] = new PieceOutcome(null, ReadError(error.TryGetProperty("error", out var e) ? e : default));
        }

        return byId;
    }

    public static LanguageRequestFailedException ToException(Response response)
    {
        var (code, inner, message) = (default(string), default(string), default(string));
        try
        {
            using var json = JsonDocument.Parse(response.Content.ToMemory());
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("error", out var error))
            {
                var read = ReadError(error);
                (code, inner, message) = (read.Code, read.InnerCode, read.Message);
            }
        }
        catch (JsonException)
        {
            // A gateway's HTML or an empty body still leaves the status.
        }

        var codes = code is null ? "(no error code)" : inner is null ? code : $"{code}/{inner}";
        var text = $"Azure AI Language refused the request: {codes} (HTTP {response.Status}). {message ?? response.ReasonPhrase}".TrimEnd();
        return new LanguageRequestFailedException(response.Status, text, code, inner);
    }

    private static PieceSentiment ReadDocument(JsonElement document)
    {
        var scores = Scores(document);
        var sentences = new List<SentenceSentiment>();
        foreach (var sentence in Array(document, "sentences"))
        {
            var sentenceScores = Scores(sentence);
            sentences.Add(new SentenceSentiment(
                sentence.TryGetProperty("text", out var text) ? text.GetString() ?? string.Empty : string.Empty,
                sentence.TryGetProperty("offset", out var offset) ? offset.GetInt32() : 0,
                SentimentScoring.Label(Text(sentence, "sentiment"), sentenceScores),
                sentenceScores));
        }

        return new PieceSentiment(SentimentScoring.Label(Text(document, "sentiment"), scores), scores, sentences);
    }

    private static SentimentScores Scores(JsonElement element)
    {
        if (!element.TryGetProperty("confidenceScores", out var scores))
        {
            return SentimentScoring.Normalise(0, 0, 0);
        }

        double Score(string name) => scores.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : 0;
        return SentimentScoring.Normalise(Score("positive"), Score("neutral"), Score("negative"));
    }

    private static LanguageDocumentError ReadError(JsonElement error)
    {
        if (error.ValueKind != JsonValueKind.Object)
        {
            return new LanguageDocumentError("(no error code)", null, "The service gave no error details.");
        }

        var inner = error.TryGetProperty("innererror", out var i) && i.ValueKind == JsonValueKind.Object ? Text(i, "code") : null;
        return new LanguageDocumentError(Text(error, "code") ?? "(no error code)", inner, Text(error, "message") ?? string.Empty);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];
}
