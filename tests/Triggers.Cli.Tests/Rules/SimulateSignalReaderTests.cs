using Triggers.Cli.Rules;

namespace Triggers.Cli.Tests.Rules;

public sealed class SimulateSignalReaderTests
{
    private const string Line =
        """{"id":"s1","channel":"demo","platform":"wechat","tenant":"acme","kind":"message","type":"text","actor":{"id":"o-1","name":"Mei"},"text":"续航太差了","occurredAt":"2026-11-22T02:15:00Z","receivedAt":"2026-11-22T02:15:01Z","processedAt":"2026-11-22T02:15:02Z","sentiment":{"label":"negative","positive":0.0,"neutral":0.33,"negative":0.67,"source":"embedded"},"topics":["range_anxiety"]}""";

    [Fact]
    public void A_line_in_the_admin_signal_shape_becomes_a_processed_signal_with_its_analysis()
    {
        var read = SimulateSignalReader.Parse(Line);

        Assert.Empty(read.Problems);
        var processed = Assert.Single(read.Signals);
        Assert.Equal(("s1", "acme", "message", "o-1", "Mei"), (processed.Signal.Id, processed.Signal.Tenant, processed.Signal.Kind, processed.Signal.Actor.Id, processed.Signal.Actor.Name));
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 2, 15, 2, TimeSpan.Zero), processed.ProcessedAt);
        Assert.Equal(("negative", 0.67, "embedded"), (processed.Analysis.Label, processed.Analysis.Scores.Negative, processed.Analysis.Source));
        Assert.Equal(["range_anxiety"], processed.Analysis.Topics);
    }

    [Fact]
    public void Bad_lines_are_reported_with_their_line_numbers_and_skipped()
    {
        var text = string.Join('\n', Line, "{not json", "", """{"id":"s2","channel":"demo","kind":"follow","occurredAt":"2026-11-22T02:15:00Z"}""", Line.Replace("\"s1\"", "\"s3\"", StringComparison.Ordinal));

        var read = SimulateSignalReader.Parse(text);

        Assert.Equal(["s1", "s3"], read.Signals.Select(s => s.Signal.Id));
        Assert.Equal(2, read.Problems.Count);
        Assert.StartsWith("line 2: ", read.Problems[0], StringComparison.Ordinal);
        Assert.StartsWith("line 4: actor", read.Problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Without_processedAt_or_sentiment_a_signal_is_processed_at_its_occurrence_with_neutral_sentiment()
    {
        var read = SimulateSignalReader.Parse("""{"id":"s2","channel":"demo","kind":"follow","actor":{"id":"o-2"},"occurredAt":"2026-11-22T10:15:00+08:00"}""");

        var processed = Assert.Single(read.Signals);
        Assert.Equal(processed.Signal.OccurredAt, processed.ProcessedAt);
        Assert.Equal(("neutral", "default"), (processed.Analysis.Label, processed.Signal.Tenant));
    }
}
