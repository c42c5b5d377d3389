using System.CommandLine;
using System.Diagnostics;
using Triggers.Cli.Model;
using Triggers.Core.Analysis.Embedded;
using Triggers.Core.Analysis.Embedded.Training;

namespace Triggers.Cli.Commands;

/// <summary>`model train` builds the embedded sentiment model; `model evaluate` measures an analyser on a labelled corpus.</summary>
public static class ModelCommand
{
    public static Command Create()
    {
        var corpus = new Option<FileInfo>("--corpus") { Description = "label,text CSV (1 positive, 0 negative).", Required = true };
        var holdout = new Option<double>("--holdout") { Description = "Fraction held out of training.", DefaultValueFactory = _ => CorpusSplit.DefaultHoldout };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the held-out split and the shuffle.", DefaultValueFactory = _ => CorpusSplit.DefaultSeed };

        var afinn = new Option<DirectoryInfo>("--afinn") { Description = "Folder holding AFINN-*.txt.", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the model.", Required = true };
        var train = new Command("train", "Train the embedded sentiment model (deterministic).") { corpus, afinn, output, holdout, seed };
        train.SetAction(parse => Train(
            parse.GetValue(corpus)!, parse.GetValue(afinn)!, parse.GetValue(output)!,
            new TrainingOptions { Holdout = parse.GetValue(holdout), Seed = parse.GetValue(seed) }));

        var heldOutOnly = new Option<bool>("--holdout-only") { Description = "Only the held-out split (--holdout, --seed)." };
        var model = new Option<FileInfo?>("--model") { Description = "A model file to evaluate instead of the embedded one." };
        var evaluate = new Command("evaluate", "Accuracy and macro-F1 of the embedded analyser on a labelled corpus.") { corpus, heldOutOnly, holdout, seed, model };
        evaluate.SetAction(parse => Evaluate(
            parse.GetValue(corpus)!, parse.GetValue(heldOutOnly), parse.GetValue(holdout), parse.GetValue(seed), parse.GetValue(model)));

        return new Command("model", "Train and evaluate the embedded sentiment model.") { train, evaluate };
    }

    private static int Train(FileInfo corpus, DirectoryInfo afinn, FileInfo output, TrainingOptions options)
    {
        var clock = Stopwatch.StartNew();
        var result = ModelTrainer.Train(CorpusReader.Read(corpus.FullName), AfinnReader.Read(afinn.FullName), options, Console.Error.WriteLine);
        File.WriteAllBytes(output.FullName, result.Model);
        Console.WriteLine($"wrote {output.FullName}: {result.Model.Length} bytes, {result.Features} features, {result.TrainingTexts} training texts, {result.HeldOutTexts} held out, {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    private static int Evaluate(FileInfo corpus, bool heldOutOnly, double holdout, ulong seed, FileInfo? modelFile)
    {
        EmbeddedSentimentAnalyzer analyzer;
        if (modelFile is null)
        {
            analyzer = new EmbeddedSentimentAnalyzer();
        }
        else
        {
            using var stream = modelFile.OpenRead();
            analyzer = new EmbeddedSentimentAnalyzer(ModelFormat.Read(stream));
        }

        var evaluation = new BinaryEvaluation();
        foreach (var item in CorpusReader.Read(corpus.FullName))
        {
            if (heldOutOnly && !CorpusSplit.IsHeldOut(item.Text, holdout, seed))
            {
                continue;
            }

            evaluation.Add(item.Positive, analyzer.Analyze(item.Text).Scores);
            if (evaluation.Count % 5000 == 0)
            {
                Console.Error.WriteLine($"{evaluation.Count} texts scored");
            }
        }

        EvaluationReport.Write(Console.Out, evaluation, heldOutOnly ? $"held-out {holdout:P0} (seed {seed})" : "whole corpus");
        return 0;
    }
}
