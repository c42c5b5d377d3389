using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Triggers.Cli.Model;
using Triggers.Core.Analysis.Embedded;
using Triggers.Core.Analysis.Embedded.Training;

namespace Triggers.Cli.Commands;

/// <summary>`model train` builds the embedded sentiment model; `model evaluate` measures an analyser on a labelled corpus.</summary>
public static class ModelCommand
{
    public static Command Create()
    {
        var corpus = new Option<FileInfo[]>("--corpus") { Description = "label,text CSV (1 positive, 0 negative); several files (--corpus a.csv b.csv, or the option repeated) are read as one corpus.", Required = true, AllowMultipleArgumentsPerToken = true };
        var holdout = new Option<double>("--holdout") { Description = "Fraction held out of training.", DefaultValueFactory = _ => CorpusSplit.DefaultHoldout };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the held-out split and the shuffle.", DefaultValueFactory = _ => CorpusSplit.DefaultSeed };
        var dev = new Option<double>("--dev") { Description = "Fraction set aside as the development split, for experiments (0: none, as the shipped model).", DefaultValueFactory = _ => 0 };

        var afinn = new Option<DirectoryInfo>("--afinn") { Description = "Folder holding AFINN-*.txt.", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the model.", Required = true };
        var noWords = new Option<bool>("--no-words") { Description = "Learn no Chinese word features (jieba's words, negated words), for comparison (train only)." };
        var l2 = new Option<double>("--l2") { Description = "L2 penalty per update, 0 or more; the default is the shipped model's, strong on purpose (see docs/analysis.md).", DefaultValueFactory = _ => new TrainingOptions().L2 };
        l2.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is < 0 or double.NaN)
            {
                result.AddError("--l2 must be 0 or more (for example 0.3, the default).");
            }
        });
        var noEnglish = new Option<bool>("--no-english") { Description = "Learn no English word features, for comparison (train only)." };
        var train = new Command("train", "Train the embedded sentiment model (deterministic).") { corpus, afinn, output, holdout, seed, dev, noWords, noEnglish, l2 };
        train.SetAction(parse => Train(
            parse.GetValue(corpus)!, parse.GetValue(afinn)!, parse.GetValue(output)!,
            new TrainingOptions { Holdout = parse.GetValue(holdout), Seed = parse.GetValue(seed), Dev = parse.GetValue(dev), Words = !parse.GetValue(noWords), English = !parse.GetValue(noEnglish), L2 = parse.GetValue(l2) }));

        var heldOutOnly = new Option<bool>("--holdout-only") { Description = "Only the held-out split (--holdout, --seed), for reporting." };
        var devOnly = new Option<bool>("--dev-only") { Description = "Only the development split (--dev, --holdout, --seed), for choices; evaluate a model trained with the same --dev." };
        var model = new Option<FileInfo?>("--model") { Description = "A model file to evaluate instead of the embedded one." };
        var errors = new Option<bool>("--errors") { Description = "Also list the texts read wrongly after the figures: expected label, scores and text, tab-separated (tabs and line breaks in a text are shown as \\t and \\n). Use it on a development split, not on a set you report." };
        var evaluate = new Command("evaluate", "Accuracy and macro-F1 of the embedded analyser on a labelled corpus.") { corpus, heldOutOnly, devOnly, holdout, seed, dev, model, errors };
        evaluate.SetAction(parse => Evaluate(
            parse.GetValue(corpus)!, Split.Of(parse.GetValue(heldOutOnly), parse.GetValue(devOnly), parse.GetValue(holdout), parse.GetValue(seed), parse.GetValue(dev)), parse.GetValue(model), parse.GetValue(errors)));

        return new Command("model", "Train and evaluate the embedded sentiment model.") { train, evaluate };
    }

    private static int Train(FileInfo[] corpus, DirectoryInfo afinn, FileInfo output, TrainingOptions options)
    {
        var clock = Stopwatch.StartNew();
        var result = ModelTrainer.Train(CorpusReader.Read(corpus), AfinnReader.Read(afinn.FullName), options, Console.Error.WriteLine);
        File.WriteAllBytes(output.FullName, result.Model);
        Console.WriteLine($"wrote {output.FullName}: {result.Model.Length} bytes, {result.Features} features, {result.TrainingTexts} training texts, {result.HeldOutTexts} held out, {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    /// <summary>Which texts of the corpus an evaluation reads.</summary>
    private sealed record Split(string Name, Func<string, bool> Includes)
    {
        /// <summary>The split asked for, or null and what is wrong with the options.</summary>
        public static (Split? Split, string? Problem) Of(bool heldOutOnly, bool devOnly, double holdout, ulong seed, double dev) => (heldOutOnly, devOnly) switch
        {
            (true, true) => (null, "choose --holdout-only or --dev-only, not both"),
            (true, false) => (new($"held-out {holdout:P0} (seed {seed})", t => CorpusSplit.IsHeldOut(t, holdout, seed)), null),
            (false, true) when dev is <= 0 or >= 1 => (null, "--dev-only needs --dev, the fraction the model was trained without, above 0 and below 1 (for example 0.1)"),
            (false, true) => (new($"development {dev:P0} (seed {seed})", t => CorpusSplit.IsDev(t, holdout, seed, dev)), null),
            _ => (new("whole corpus", _ => true), null),
        };
    }

    private static int Evaluate(FileInfo[] corpus, (Split? Split, string? Problem) asked, FileInfo? modelFile, bool listErrors)
    {
        if (asked.Split is not { } split)
        {
            Console.Error.WriteLine($"model evaluate: {asked.Problem}.");
            return 2;
        }

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
        var wrong = new List<string>();
        foreach (var item in CorpusReader.Read(corpus))
        {
            if (!split.Includes(item.Text))
            {
                continue;
            }

            var scores = analyzer.Analyze(item.Text).Scores;
            evaluation.Add(item.Positive, scores);
            if (listErrors && BinaryEvaluation.ReadsPositive(scores) != item.Positive)
            {
                wrong.Add(string.Create(CultureInfo.InvariantCulture, $"{(item.Positive ? 1 : 0)}\t+{scores.Positive:F2} -{scores.Negative:F2}\t{item.Text.Replace("\t", "\\t", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}"));
            }
            if (evaluation.Count % 5000 == 0)
            {
                Console.Error.WriteLine($"{evaluation.Count} texts scored");
            }
        }

        EvaluationReport.Write(Console.Out, evaluation, split.Name);
        if (listErrors)
        {
            Console.WriteLine($"read wrongly: {wrong.Count} (expected label, scores, text)");
            wrong.ForEach(Console.WriteLine);
        }

        return 0;
    }
}
