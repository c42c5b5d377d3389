using BenchmarkDotNet.Attributes;
using Triggers.Core.Analysis;
using Triggers.Core.Analysis.Embedded;

namespace Triggers.Bench;

/// <summary>
/// Short texts through the embedded analyser, one text per operation, against two baselines measured in the
/// same run: the placeholder analyser (the default it replaces) and a bare normalisation pass (the floor of
/// any analyser that reads every character).
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private const int Batch = 1024;
    private readonly EmbeddedSentimentAnalyzer embedded = new();
    private readonly char[] buffer = new char[128];
    private string[] texts = [];

    [GlobalSetup]
    public void Setup() => texts = [.. Enumerable.Range(0, Batch).Select(i => ShortTexts.All[i % ShortTexts.All.Length])];

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public int Placeholder()
    {
        var n = 0;
        foreach (var text in texts)
        {
            n += PlaceholderAnalyzer.Analyze(text).Label.Length;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int NormalizeOnly()
    {
        var n = 0;
        foreach (var text in texts)
        {
            n += TextNormalizer.Normalize(text, buffer);
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int Embedded()
    {
        var n = 0;
        foreach (var text in texts)
        {
            n += embedded.Analyze(text).Label.Length;
        }

        return n;
    }
}
