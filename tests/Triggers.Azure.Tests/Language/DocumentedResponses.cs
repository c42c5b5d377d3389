using System.Globalization;

namespace Triggers.Azure.Tests.Language;

/// <summary>
/// Response bodies in the documented shape (the sentiment/opinion-mining REST quickstart's example, azure.md §4),
/// with the document id filled in from the request.
/// </summary>
internal static class DocumentedResponses
{
    public const string QuickstartText = "The food and service were unacceptable. The concierge was nice, however.";

    public static string Quickstart(string id) => $$$"""
        {"kind":"SentimentAnalysisResults","results":{"documents":[{"id":"{{{id}}}","sentiment":"mixed",
          "confidenceScores":{"positive":0.47,"neutral":0.0,"negative":0.52},
          "sentences":[
            {"sentiment":"negative","confidenceScores":{"positive":0.0,"neutral":0.0,"negative":0.99},
             "offset":0,"length":40,"text":"The food and service were unacceptable. ",
             "targets":[{"sentiment":"negative","confidenceScores":{"positive":0.0,"negative":1.0},"offset":4,"length":4,
                "text":"food","relations":[{"relationType":"assessment","ref":"#/documents/0/sentences/0/assessments/0"}]}],
             "assessments":[{"sentiment":"negative","confidenceScores":{"positive":0.0,"negative":1.0},"offset":26,
                "length":12,"text":"unacceptable","isNegated":false}]},
            {"sentiment":"positive","confidenceScores":{"positive":0.94,"neutral":0.01,"negative":0.05},
             "offset":40,"length":32,"text":"The concierge was nice, however.",
             "targets":[{"sentiment":"positive","confidenceScores":{"positive":1.0,"negative":0.0},"offset":44,"length":9,
                "text":"concierge","relations":[{"relationType":"assessment","ref":"#/documents/0/sentences/1/assessments/0"}]}],
             "assessments":[{"sentiment":"positive","confidenceScores":{"positive":1.0,"negative":0.0},"offset":58,
                "length":4,"text":"nice","isNegated":false}]}],
          "warnings":[]}],"errors":[],"modelVersion":"2022-06-01"}}
        """;

    /// <summary>A one-document "mixed" answer with the given document scores and no sentences.</summary>
    public static string Mixed(string id, double positive, double neutral, double negative) => string.Create(CultureInfo.InvariantCulture, $$$"""
        {"kind":"SentimentAnalysisResults","results":{"documents":[{"id":"{{{id}}}","sentiment":"mixed",
          "confidenceScores":{"positive":{{{positive}}},"neutral":{{{neutral}}},"negative":{{{negative}}}},
          "sentences":[],"warnings":[]}],"errors":[],"modelVersion":"2022-06-01"}}
        """);
}
