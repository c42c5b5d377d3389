using System.CommandLine;
using System.Text.Json.Nodes;
using Triggers.Cli.JsonLines;
using Triggers.Core.Analysis.Embedded;
using Triggers.Core.Topics;

namespace Triggers.Cli.Commands;

public static class AnalyzeCommand
{
    private static readonly Lazy<EmbeddedSentimentAnalyzer> Analyzer = new(() => new EmbeddedSentimentAnalyzer());

    // The default topic set (docs/topics.md): the CLI has no tenant table to read.
    private static readonly Lazy<TopicLexicon> Topics = new(() => TopicLexicon.Compile(DefaultTopics.For("default")));

    public static Command Create() => JsonLinesCommand.Create("analyze", """
            Sentiment and topics of texts. Reads JSON lines {"id", "text", "language"?} on stdin and writes
            {"id", "sentiment", "scores": {"positive", "neutral", "negative"}, "topics": [...]} per line.
            """, Analyze);

    public static JsonNode Analyze(JsonObject request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request["text"] is not JsonValue textValue || !textValue.TryGetValue<string>(out var text))
        {
            return JsonLinesRunner.Error("\"text\" must be a string");
        }

        var analysis = Analyzer.Value.Analyze(text);
        var hits = Topics.Value.Find(text);
        var topics = hits.Count == 0
            ? []
            : TopicAttribution.Attribute(text, hits, clause => Analyzer.Value.ScoreClause(clause)).Select(m => m.Topic).Distinct(StringComparer.Ordinal).ToList();
        return new JsonObject
        {
            ["id"] = request["id"]?.DeepClone(),
            ["sentiment"] = analysis.Label,
            ["scores"] = new JsonObject
            {
                ["positive"] = analysis.Scores.Positive,
                ["neutral"] = analysis.Scores.Neutral,
                ["negative"] = analysis.Scores.Negative,
            },
            ["topics"] = new JsonArray([.. topics.Select(t => JsonValue.Create(t))]),
        };
    }
}
