namespace Triggers.Azure.Language;

/// <summary>Turns caller documents into wire documents and groups them into requests within the service's limits.</summary>
internal static class LanguageBatches
{
    /// <summary>Sentiment Analysis and Opinion Mining accept at most 10 documents per request; more is a 400.</summary>
    public const int MaxDocumentsPerRequest = 10;

    // Room for a document's id and language next to its text, and the worst-case escaping (\uXXXX per code unit).
    private const int DocumentOverhead = 128;
    private const int WorstBytesPerChar = 6;

    public static List<WireDocument> Prepare(IReadOnlyList<LanguageDocument> documents, LanguageClientOptions options)
    {
        var maxChars = (options.MaxRequestBytes - EnvelopeBytes(options) - DocumentOverhead) / WorstBytesPerChar;
        if (maxChars < 1)
        {
            throw new InvalidOperationException($"MaxRequestBytes {options.MaxRequestBytes} leaves no room for a document.");
        }

        var wire = new List<WireDocument>();
        for (var i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            if (string.IsNullOrWhiteSpace(document.Text))
            {
                continue; // the service refuses empty documents; the merger reads "no pieces" as neutral
            }

            var language = LanguageHint.For(document.Text, document.Language, options.DefaultLanguage);
            foreach (var piece in DocumentSplitter.Split(document.Text, DocumentSplitter.MaxTextElements, maxChars))
            {
                var id = (wire.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                wire.Add(new WireDocument(id, i, piece, LanguageRequestJson.Document(id, language, piece.Text)));
            }
        }

        return wire;
    }

    /// <summary>Consecutive groups of at most 10 documents whose request body stays within MaxRequestBytes.</summary>
    public static IEnumerable<List<WireDocument>> Group(IReadOnlyList<WireDocument> wire, LanguageClientOptions options)
    {
        var envelope = EnvelopeBytes(options);
        var batch = new List<WireDocument>();
        var bytes = envelope;
        foreach (var document in wire)
        {
            var added = document.Json.Length + (batch.Count > 0 ? 1 : 0);
            if (batch.Count > 0 && (batch.Count == MaxDocumentsPerRequest || bytes + added > options.MaxRequestBytes))
            {
                yield return batch;
                batch = [];
                bytes = envelope;
                added = document.Json.Length;
            }

            batch.Add(document);
            bytes += added;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private static int EnvelopeBytes(LanguageClientOptions options) => LanguageRequestJson.Request([], options).Length;
}
